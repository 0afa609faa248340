# Sourced by ./mvnw and ./manabi: makes a fresh machine usable without setting anything by hand.
#  - JAVA_HOME: Tycho 5 and Lucene 10 need Java 21+; when JAVA_HOME is unset or older, the newest
#    JDK 21+ found in the usual places is used instead.
#  - A display: the UI tests and the workbench need one; on a Linux machine without one, the caller
#    is re-run under xvfb-run when it is installed (MANABI_NO_XVFB=1 turns this off).

manabi_java_major() { # prints the feature version of the java in "$1/bin/java", or nothing
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

manabi_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(manabi_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  # in a subshell with globbing on: mvnw runs with 'set -f'
  best=$(
    set +f
    best= best_major=0
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
        /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      [ -d "$candidate" ] || continue
      major=$(manabi_java_major "$candidate")
      if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ] && [ -x "$candidate/bin/javac" ]; then
        best=$candidate best_major=$major
      fi
    done
    echo "$best"
  )
  if [ -z "$best" ]; then
    echo "Manabi needs a JDK 21 or newer (found ${JAVA_HOME:-none in JAVA_HOME} and none in /usr/lib/jvm)." >&2
    echo "Install one, e.g. Eclipse Temurin 21+ from https://adoptium.net/, or 'apt-get install openjdk-21-jdk'," >&2
    echo "and set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}

manabi_ensure_display() { # "$@": the command line to re-run under Xvfb
  [ "$(uname -s)" = Linux ] || return 0
  [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] || return 0
  [ -z "${MANABI_NO_XVFB:-}" ] || return 0
  if command -v xvfb-run >/dev/null 2>&1; then
    MANABI_NO_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$@"
  fi
  echo "warning: no display and no xvfb-run; install xvfb (apt-get install xvfb) for the UI tests." >&2
}
