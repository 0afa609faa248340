#!/usr/bin/env bash
# Registration benchmark (issue 5). Starts ./manabi serve over a curriculum written here (published
# seminars with large pools and a registration window open for years), drives it with wrk at 64
# connections on loopback and prints, on one line, figures measured in this run:
#   durable registrations/s and p99 (POST /api/seminars/{id}/registrations, every one with a fresh
#   email) for one popular seminar and spread over four, on H2 and on PostgreSQL
#   vs  GET /health on the same server: the ceiling of HTTP on this machine
#   max RSS of the server's java process under that load, and the cold start of ./manabi serve
#   until it answers /health;
#   the server's CPU time per registration (from /proc): unlike the rates, it holds on a busy machine;
#   the time after the load until every registration's mail is written (mails are committed with the
#   registration and sent by the server afterwards) and the CPU per registration all in, mail included.
# After each server's runs it checks that acknowledged = stored: confirmed + waiting summed over the
# seminars of GET /api/seminars equals the 201s wrk received, plus at most the registrations sent
# whose answer came after wrk stopped (wrk does not read answers after its duration); any other
# status or socket error fails the check; and that the outbox holds one mail per stored registration.
# Needs: the built product (./manabi builds it; MANABI=/path/to/manabi uses another checkout's), wrk, curl, python3; for PostgreSQL, psql and a
# server reachable with the BENCH_PG* settings below (skipped, figures "n/a", when it is not).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
manabi=${MANABI:-$here/manabi}  # another checkout's launcher, e.g. one whose product is built
for tool in wrk curl python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "registration-bench: needs $tool (Debian: apt-get install -y $tool; wrk elsewhere: https://github.com/wg/wrk)" >&2
    exit 1
  fi
done
connections=${BENCH_CONNECTIONS:-64}
seconds=${BENCH_SECONDS:-12}
pg_host=${BENCH_PGHOST:-127.0.0.1} pg_port=${BENCH_PGPORT:-5432} pg_db=${BENCH_PGDATABASE:-manabi_test}
pg_user=${BENCH_PGUSER:-manabi} pg_password=${BENCH_PGPASSWORD:-manabi} pg_schema=${BENCH_PGSCHEMA:-bench}

work=$(mktemp -d)
server_pid="" sampler_pid=""
stop_server() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null && wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=""
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT

# 1. content: four published seminars, two pools of a million seats each, registration open for years
mkdir -p "$work/content"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
  echo '    xmlns:manabi="http://manabi.org/model/1.0" id="bench" title="負荷試験">'
  echo '  <plans id="bench-plan" fiscalYear="2027">'
  for n in 1 2 3 4; do
    cat <<XMI
    <seminars id="bench-$n" title="負荷試験セミナー $n" englishTitle="Benchmark Seminar $n" kind="seminar" level="all"
        delivery="hybrid" status="published" venue="会議室" registrationOpens="2026-01-01T00:00"
        registrationCloses="2036-12-31T23:59">
      <sessions date="2027-07-0$n" start="13:00" end="17:00"/>
      <fee memberYen="5000" nonMemberYen="10000"/>
      <pools id="bench-$n-onsite" mode="onsite" capacityState="number" capacity="1000000"/>
      <pools id="bench-$n-web" mode="web" capacityState="number" capacity="1000000"/>
    </seminars>
XMI
  done
  echo '  </plans>'
  echo '</manabi:Curriculum>'
} > "$work/content/bench.manabi"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start_server NAME [ARG...]: sets url, server_pid, start_ms (launch until GET /health answers 200)
start_server() {
  local name=$1 port started
  shift
  port=$(free_port)
  started=$(now_ms)
  "$manabi" serve --content "$work/content" --data "$work/$name-data" --port "$port" \
      --registrations-per-minute 0 "$@" > "$work/$name.out" 2> "$work/$name.err" &
  server_pid=$!  # ./manabi execs java: this is the server's JVM
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "registration-bench: ./manabi serve ($name) did not start:" >&2
      cat "$work/$name.err" >&2
      exit 1
    fi
    sleep 0.02
  done
  start_ms=$(( $(now_ms) - started ))
  url="http://127.0.0.1:$port"
  # RSS of the JVM every 200 ms while it runs; the largest is reported
  (while kill -0 "$server_pid" 2>/dev/null; do ps -o rss= -p "$server_pid" >> "$work/$name.rss" || true; sleep 0.2; done) &
  sampler_pid=$!
}

# run_wrk DURATION URL [RUN SEMINAR...]: prints the wrk_result fields, "rps p50 p99 created other unanswered errors"
run_wrk() {
  local duration=$1 target=$2
  shift 2
  wrk -t 2 -c "$connections" -d "${duration}s" --timeout 10s -s "$here/bench/registration.lua" "$target" -- "$@" \
    | sed -nE 's/^wrk_result rps=([0-9]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) created=([0-9]+) other=([0-9]+) unanswered=([0-9]+) errors=([0-9]+)$/\1 \2 \3 \4 \5 \6 \7/p'
}

# cpu_ticks: CPU time (user + system, in clock ticks) the server's JVM has used so far; "" without /proc
cpu_ticks() { [ -r "/proc/$server_pid/stat" ] && awk '{ print $14 + $15 }' "/proc/$server_pid/stat" || true; }
# cpu_ms_per TICKS_BEFORE COUNT: the server's CPU milliseconds per request since TICKS_BEFORE; does not
# depend on how busy the machine is, unlike the rates (n/a without /proc)
cpu_ms_per() {
  local after
  after=$(cpu_ticks)
  if [ -z "$1" ] || [ -z "$after" ] || [ "$2" -eq 0 ]; then echo n/a; return; fi
  awk -v t=$((after - $1)) -v hz="$(getconf CLK_TCK)" -v n="$2" 'BEGIN { printf "%.2f", t * 1000 / hz / n }'
}

# stored: confirmed + waiting over every seminar of GET /api/seminars
stored() {
  curl -sf "$url/api/seminars" | python3 -c 'import json, sys
print(sum(p["confirmed"] + p["waiting"] for s in json.load(sys.stdin) for p in s.get("pools", {}).values()))'
}

# bench_store NAME [ARG...]: one server; sets <NAME>_{start,health_rps,health_p99,pop_rps,pop_p99,pop_cpu,spread_rps,spread_p99,spread_cpu,rss,check}
bench_store() {
  local name=$1 created=0 other=0 unanswered=0 rps p50 p99 c o u e ticks load_ticks
  shift
  start_server "$name" "$@"
  printf -v "${name}_start" '%s' "$start_ms"
  load_ticks=$(cpu_ticks)
  read -r rps p50 p99 c o u e < <(run_wrk 5 "$url" "${name}w" bench-1 bench-2 bench-3 bench-4)  # warm-up (JIT)
  created=$((created + c)) other=$((other + o + e)) unanswered=$((unanswered + u))
  local health_ticks
  health_ticks=$(cpu_ticks)
  read -r rps p50 p99 c o u e < <(run_wrk "$seconds" "$url/health")
  # the peer's CPU is not the registrations': left out of the all-in figure below
  [ -z "$load_ticks" ] || load_ticks=$((load_ticks + $(cpu_ticks) - health_ticks))
  printf -v "${name}_health_rps" '%s' "$rps"; printf -v "${name}_health_p99" '%s' "$p99"
  ticks=$(cpu_ticks)
  read -r rps p50 p99 c o u e < <(run_wrk "$seconds" "$url" "${name}p" bench-1)
  created=$((created + c)) other=$((other + o + e)) unanswered=$((unanswered + u))
  printf -v "${name}_pop_rps" '%s' "$rps"; printf -v "${name}_pop_p99" '%s' "$p99"
  printf -v "${name}_pop_cpu" '%s' "$(cpu_ms_per "$ticks" "$c")"
  ticks=$(cpu_ticks)
  read -r rps p50 p99 c o u e < <(run_wrk "$seconds" "$url" "${name}s" bench-1 bench-2 bench-3 bench-4)
  created=$((created + c)) other=$((other + o + e)) unanswered=$((unanswered + u))
  printf -v "${name}_spread_rps" '%s' "$rps"; printf -v "${name}_spread_p99" '%s' "$p99"
  printf -v "${name}_spread_cpu" '%s' "$(cpu_ms_per "$ticks" "$c")"
  local kept
  kept=$(stored)
  # every 201 stored; beyond them only the registrations whose answer came after wrk stopped
  if [ "$kept" -ge "$created" ] && [ "$kept" -le $((created + unanswered)) ] && [ "$other" -eq 0 ]; then
    printf -v "${name}_check" '%s' "ok($created)"
  else
    printf -v "${name}_check" '%s' "FAIL(201=$created,stored=$kept,unanswered=$unanswered,other=$other)"
  fi
  # the mails: each registration's is committed with it and sent by the server afterwards; wait until
  # none is owed, then every stored registration must have its .eml in the outbox
  local drained owed mails
  drained=$(now_ms)
  for _ in $(seq 1 1200); do
    owed=$(curl -sf "$url/metrics" | awk '$1 == "manabi_mails_owed" { print $2 }')
    [ "${owed:-1}" = 0 ] && break
    sleep 0.5
  done
  printf -v "${name}_drain" '%s' "$(awk -v ms=$(( $(now_ms) - drained )) 'BEGIN { printf "%.1f", ms / 1000 }')"
  # all in: from the start to the last mail written (warm-up, JIT and mail included, the /health run not)
  printf -v "${name}_all_cpu" '%s' "$(cpu_ms_per "$load_ticks" "$kept")"
  mails=$(find "$work/$name-data/outbox" -name '*.eml' 2>/dev/null | wc -l)
  # counted again: a request wrk gave up on may have committed after the count above
  kept=$(stored)
  if [ "$mails" -eq "$kept" ]; then
    printf -v "${name}_mails" '%s' "ok($mails)"
  else
    printf -v "${name}_mails" '%s' "FAIL(stored=$kept,mails=$mails,owed=${owed:-?})"
  fi
  stop_server
  printf -v "${name}_rss" '%s' "$(sort -n "$work/$name.rss" | tail -n 1 | awk '{ printf "%.0f", $1 / 1024 }')"
}

# 2. H2, the default: a file in the data folder, every commit written before the 201
bench_store h2

# 3. PostgreSQL in a fresh schema
pg_url="jdbc:postgresql://$pg_host:$pg_port/$pg_db?user=$pg_user&password=$pg_password&currentSchema=$pg_schema"
if command -v psql >/dev/null && PGPASSWORD=$pg_password psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" "$pg_db" \
    -c "DROP SCHEMA IF EXISTS $pg_schema CASCADE; CREATE SCHEMA $pg_schema" >/dev/null 2>&1; then
  bench_store pg --db "$pg_url"
else
  echo "registration-bench: no PostgreSQL at $pg_host:$pg_port/$pg_db (BENCH_PG* settings); its figures are n/a" >&2
  for f in start health_rps health_p99 pop_rps pop_p99 pop_cpu spread_rps spread_p99 spread_cpu all_cpu drain mails rss check; do printf -v "pg_$f" '%s' n/a; done
fi

echo "connections=$connections" \
  "h2_reg_per_s=$h2_pop_rps h2_reg_p99_ms=$h2_pop_p99 h2_spread4_reg_per_s=$h2_spread_rps h2_spread4_p99_ms=$h2_spread_p99" \
  "pg_reg_per_s=$pg_pop_rps pg_reg_p99_ms=$pg_pop_p99 pg_spread4_reg_per_s=$pg_spread_rps pg_spread4_p99_ms=$pg_spread_p99" \
  "h2_cpu_ms_per_reg=$h2_pop_cpu h2_spread4_cpu_ms_per_reg=$h2_spread_cpu pg_cpu_ms_per_reg=$pg_pop_cpu pg_spread4_cpu_ms_per_reg=$pg_spread_cpu" \
  "health_per_s=$h2_health_rps health_p99_ms=$h2_health_p99 pg_health_per_s=$pg_health_rps" \
  "h2_cpu_ms_per_reg_with_mail=$h2_all_cpu pg_cpu_ms_per_reg_with_mail=$pg_all_cpu h2_mail_drain_s=$h2_drain pg_mail_drain_s=$pg_drain" \
  "rss_h2_mb=$h2_rss rss_pg_mb=$pg_rss start_ms=$h2_start pg_start_ms=$pg_start" \
  "stored_h2=$h2_check stored_pg=$pg_check mails_h2=$h2_mails mails_pg=$pg_mails"
