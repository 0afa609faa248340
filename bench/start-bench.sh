#!/usr/bin/env bash
# Start-up benchmark (issues 4 and 5): what the class-data-sharing archives of the start script save.
# Runs, alternating BENCH_PAIRS (5) times, each command without an archive (the cache folder is not a
# folder, as for a user without one) and with the archive an earlier run of it wrote, and prints on
# one line the medians of:
#   ./manabi index over an empty folder (the JVM, Equinox and the command, no PDF): the CPU time of
#     the whole process (user + system), which hardly depends on what else the machine does, and wall;
#   ./manabi index over the content decks (369 pages, a fresh index each time): CPU;
#   ./manabi serve from launch until GET /health answers: wall, and the CPU its JVM used by then (from
#     /proc); its RSS then, and after a few pages.
# BENCH_SERVE_OPTIONS adds JVM options to serve's (e.g. -XX:TieredStopAtLevel=4 for C2) through a
# copy of the product's start script, to measure what another setting would cost at the start.
# Needs: the built product (./manabi builds it; MANABI=/path/to/product/manabi for another), curl,
# python3, Linux (/proc).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
manabi=${MANABI:-$here/manabi}
pairs=${BENCH_PAIRS:-5}
work=$(mktemp -d)
server_pid=""
trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/empty" "$work/decks" "$work/cache"
cp "$here"/content/decks/*.pdf "$work/decks/"
touch "$work/no-cache"  # a file where the cache folder would be: no archive

serve_manabi=$manabi
if [ -n "${BENCH_SERVE_OPTIONS:-}" ]; then
  [ -x "$manabi" ] && [ -f "$(dirname "$manabi")/find-java.sh" ] || manabi=$here/releng/org.manabi.product/target/products/org.manabi.product/linux/gtk/x86_64/manabi/manabi
  copy=$(dirname "$manabi")/manabi-bench-$$
  sed "s|^exec \"\$JAVA_HOME/bin/java\" \$heap \$gc |exec \"\$JAVA_HOME/bin/java\" \$heap \$gc $BENCH_SERVE_OPTIONS |" "$manabi" > "$copy"
  chmod +x "$copy"
  trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null; rm -rf "$work" "$copy"' EXIT
  serve_manabi=$copy
fi

# cpu_ms COMMAND...: the CPU time, user + system, in ms, of COMMAND and its children (output dropped)
cpu_ms() {
  python3 -c 'import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.0f %.0f" % ((used.ru_utime + used.ru_stime) * 1000, (time.monotonic() - start) * 1000))' "$@"
}

# index_run CACHE FOLDER: "cpu_ms wall_ms" of one index run into a fresh data folder
index_run() {
  rm -rf "$work/data"
  XDG_CACHE_HOME=$1 cpu_ms "$manabi" index --data "$work/data" "$2"
}

# serve_run CACHE: "wall_ms cpu_ms rss_mb rss_after_mb" of one serve start until /health answers
serve_run() {
  local port started ended ticks rss rss_after
  rm -rf "$work/sdata"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  started=$(date +%s%N)
  XDG_CACHE_HOME=$1 "$serve_manabi" serve --content "$here/content" --data "$work/sdata" --port "$port" >/dev/null 2>"$work/serve.err" &
  server_pid=$!  # the start script execs java: this is the server's JVM
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$server_pid" 2>/dev/null || { echo "start-bench: ./manabi serve did not start:" >&2; cat "$work/serve.err" >&2; exit 1; }
    sleep 0.01
  done
  ended=$(date +%s%N)
  ticks=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
  rss=$(ps -o rss= -p "$server_pid")
  for path in / /api/seminars /health; do curl -s -o /dev/null "http://127.0.0.1:$port$path"; done
  rss_after=$(ps -o rss= -p "$server_pid")
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
  echo "$(( (ended - started) / 1000000 )) $(( ticks * 1000 / $(getconf CLK_TCK) )) $(( rss / 1024 )) $(( rss_after / 1024 ))"
}

# the archives: written by a first run of each command (serve's when it stops)
index_run "$work/cache" "$work/decks" >/dev/null
serve_run "$work/cache" >/dev/null

for i in $(seq "$pairs"); do
  for mode in without with; do
    cache=$work/cache
    [ "$mode" = with ] || cache=$work/no-cache
    echo "$mode $(index_run "$cache" "$work/empty")" >> "$work/index-empty"
    echo "$mode $(index_run "$cache" "$work/decks")" >> "$work/index-decks"
    echo "$mode $(serve_run "$cache")" >> "$work/serve"
  done
done

# median FILE MODE COLUMN
median() {
  awk -v mode="$2" -v column="$3" '$1 == mode { print $column }' "$1" | sort -n |
    awk '{ value[NR] = $1 } END { print (NR % 2) ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2 }'
}

line="pairs=$pairs"
for mode in without with; do
  line+=" index_empty_cpu_ms_$mode=$(median "$work/index-empty" "$mode" 2) index_empty_ms_$mode=$(median "$work/index-empty" "$mode" 3)"
  line+=" index_decks_cpu_ms_$mode=$(median "$work/index-decks" "$mode" 2)"
  line+=" serve_start_ms_$mode=$(median "$work/serve" "$mode" 2) serve_start_cpu_ms_$mode=$(median "$work/serve" "$mode" 3)"
  line+=" serve_rss_mb_$mode=$(median "$work/serve" "$mode" 4) serve_rss_after_mb_$mode=$(median "$work/serve" "$mode" 5)"
done
echo "$line archive_mb=$(du -cm "$work"/cache/manabi/cds/*/*.jsa | awk 'END { print $1 }') load_average=$(cut -d' ' -f1 /proc/loadavg)"
