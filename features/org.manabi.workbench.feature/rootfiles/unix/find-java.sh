# Sourced by Manabi's start script (Linux and macOS products) and by ./mvnw in the source tree:
# finds a Java 21 or newer. JAVA_HOME wins when it is 21+; otherwise the newest 21+ found where
# installers and package managers put Java on Linux and macOS. POSIX sh: ./mvnw runs under sh.

manabi_java_major() { # prints the feature version of the java in "$1/bin/java", or nothing
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# manabi_find_java jdk|runtime: sets and exports JAVA_HOME, or explains where to get Java and exits 1.
# The build needs a JDK (javac); running the product needs a Java runtime only.
manabi_find_java() {
  need=$1
  if [ -n "${JAVA_HOME:-}" ] && [ "$(manabi_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null &&
      { [ "$need" = runtime ] || [ -x "$JAVA_HOME/bin/javac" ]; }; then
    return 0
  fi
  # in a subshell with globbing on: ./mvnw runs with 'set -f'
  best=$(
    set +f
    best='' best_major=0
    # without HOME (a service manager's environment) there are no user folders to look in
    home=${HOME:-/nonexistent}
    for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/homebrew/opt/openjdk*/libexec/openjdk.jdk/Contents/Home \
        /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home /Library/Java/JavaVirtualMachines/*/Contents/Home \
        "$home"/Library/Java/JavaVirtualMachines/*/Contents/Home "$home"/.sdkman/candidates/java/* "$home"/.jdks/*; do
      [ -d "$candidate" ] || continue
      major=$(manabi_java_major "$candidate")
      if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ] &&
          { [ "$need" = runtime ] || [ -x "$candidate/bin/javac" ]; }; then
        best=$candidate best_major=$major
      fi
    done
    echo "$best"
  )
  if [ -z "$best" ]; then
    what=$( [ "$need" = jdk ] && echo "a JDK 21 or newer" || echo "Java 21 or newer" )
    echo "Manabi needs $what; JAVA_HOME is ${JAVA_HOME:-not set} and none was found in the usual places." >&2
    case "$(uname -s)" in
      Darwin) echo "Install Eclipse Temurin 21+ from https://adoptium.net/ (or 'brew install --cask temurin')," >&2 ;;
      *) echo "Install Eclipse Temurin 21+ from https://adoptium.net/ (or e.g. 'apt-get install openjdk-21-jdk')," >&2 ;;
    esac
    echo "or set JAVA_HOME to a Java 21+ installation." >&2
    exit 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}
