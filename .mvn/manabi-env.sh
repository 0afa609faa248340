# Sourced by ./mvnw: makes a fresh machine usable without setting anything by hand.
#  - JAVA_HOME: Tycho 5 and Lucene 10 need a JDK 21+; when JAVA_HOME is unset or older, the newest
#    JDK 21+ found in the usual places is used instead. The finder is the one the Linux and macOS
#    products ship beside their start script, so the build exercises it every day.
#  - A display: the UI tests and the workbench need one; on a Linux machine without one, the caller
#    is re-run under xvfb-run when it is installed (MANABI_NO_XVFB=1 turns this off).

# shellcheck source=../features/org.manabi.workbench.feature/rootfiles/unix/find-java.sh
. "$(dirname "$0")/features/org.manabi.workbench.feature/rootfiles/unix/find-java.sh"

manabi_ensure_display() { # "$@": the command line to re-run under Xvfb
  [ "$(uname -s)" = Linux ] || return 0
  [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] || return 0
  [ -z "${MANABI_NO_XVFB:-}" ] || return 0
  if command -v xvfb-run >/dev/null 2>&1; then
    MANABI_NO_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$@"
  fi
  echo "warning: no display and no xvfb-run; install xvfb (apt-get install xvfb) for the UI tests." >&2
}
