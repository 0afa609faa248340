#!/usr/bin/env bash
# Quiz benchmark (issue 6). Starts ./manabi serve (H2 file, the default) over a curriculum written
# here (one published seminar with a ten-question quiz of every graded kind, unlimited attempts, no
# time limit, shuffled), registers participants through the API, then drives it with wrk at 64
# connections on loopback and prints, on one line, figures measured in this run:
#   graded submissions/s: POST /api/quiz/{token}/attempts/{n}/submit with ten answers, each graded on
#   the server and stored with its attempt (every participant alternates start, submit, start, …;
#   the requests/s and the latency percentiles cover both kinds of request)
#   vs  GET /health on the same server: the ceiling of HTTP on this machine.
#   cpu_ms_per_graded: the server's CPU time (user + system, from /proc/PID/stat) over the measured
#   run divided by the graded submissions, each with the start of its attempt; unlike the rates it
#   holds on a busy machine (n/a without /proc).
# Any status other than 201 (start) or 200 (submitted) or a socket error is counted and reported.
# Needs: the built product (./manabi builds it; MANABI=/path/to/manabi uses another checkout's), wrk,
# curl, python3.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
manabi=${MANABI:-$here/manabi}
for tool in wrk curl python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "quiz-bench: needs $tool (Debian: apt-get install -y $tool)" >&2
    exit 1
  fi
done
connections=${BENCH_CONNECTIONS:-64}
seconds=${BENCH_SECONDS:-12}
participants=${BENCH_PARTICIPANTS:-1000}
warm_up=${BENCH_WARMUP:-5}

work=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/content"
cat > "$work/content/bench.manabi" <<'XMI'
<?xml version="1.0" encoding="UTF-8"?>
<manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:manabi="http://manabi.org/model/1.0" id="bench" title="負荷試験">
  <plans id="bench-plan" fiscalYear="2027">
    <seminars id="bench-quiz" title="負荷試験セミナー" kind="seminar" level="all" delivery="web" status="published"
        registrationOpens="2026-01-01T00:00" registrationCloses="2036-12-31T23:59">
      <sessions date="2036-12-31" start="13:00" end="17:00"/>
      <pools id="bench-quiz-web" mode="web" capacityState="number" capacity="1000000"/>
      <quiz id="bench-quiz-quiz" title="負荷試験テスト" attempts="0" passPercent="70" shuffleQuestions="true" shuffleChoices="true">
        <review showScore="true" showCorrectness="true" showRightAnswers="true" showFeedback="true" when="immediately"/>
        <questions xsi:type="manabi:NumericQuestion" id="b01" text="DICOM 3.0 は何年か" answer="1993" tolerance="0" unit="年" feedback="1993 年"/>
        <questions xsi:type="manabi:SingleChoiceQuestion" id="b02" text="セキュリティのパート" feedback="PS3.15">
          <choices id="b02-a" text="PS3.15" correct="true"/><choices id="b02-b" text="PS3.14"/><choices id="b02-c" text="PS3.6"/><choices id="b02-d" text="PS3.3"/>
        </questions>
        <questions xsi:type="manabi:TrueFalseQuestion" id="b03" text="Type 2 は省略してよい" answer="false" feedback="Type 3"/>
        <questions xsi:type="manabi:ShortAnswerQuestion" id="b04" text="プリアンブルの後の 4 文字" feedback="DICM">
          <acceptedAnswers>DICM</acceptedAnswers>
        </questions>
        <questions xsi:type="manabi:MultipleChoiceQuestion" id="b05" text="複合系のサービス" partialCredit="true" feedback="C-">
          <choices id="b05-a" text="C-STORE" correct="true"/><choices id="b05-b" text="C-FIND" correct="true"/><choices id="b05-c" text="C-MOVE" correct="true"/><choices id="b05-d" text="N-CREATE"/><choices id="b05-e" text="N-ACTION"/>
        </questions>
        <questions xsi:type="manabi:SingleChoiceQuestion" id="b06" text="UID のルート" feedback="1.2.840.10008">
          <choices id="b06-a" text="1.2.840.10008" correct="true"/><choices id="b06-b" text="1.3.6.1.4.1"/><choices id="b06-c" text="2.16.840.1"/>
        </questions>
        <questions xsi:type="manabi:NumericQuestion" id="b07" text="ビット数" answer="16" tolerance="0.5" feedback="16"/>
        <questions xsi:type="manabi:ShortAnswerQuestion" id="b08" text="文字セットの属性" feedback="(0008,0005)">
          <acceptedAnswers>Specific Character Set</acceptedAnswers><acceptedAnswers>(0008,0005)</acceptedAnswers>
        </questions>
        <questions xsi:type="manabi:TrueFalseQuestion" id="b09" text="適合性宣言書があれば接続試験は不要" answer="false" feedback="必要"/>
        <questions xsi:type="manabi:MultipleChoiceQuestion" id="b10" text="PS3.15 の範囲" feedback="TLS など">
          <choices id="b10-a" text="TLS" correct="true"/><choices id="b10-b" text="監査証跡" correct="true"/><choices id="b10-c" text="GSDF"/>
        </questions>
      </quiz>
    </seminars>
  </plans>
</manabi:Curriculum>
XMI
# the answers every submit sends: typed as people type them (full width, a unit), some wrong
answers='{"answers":{"b01":"１９９３年","b02":"b02-a","b03":false,"b04":"ｄｉｃｍ","b05":["b05-a","b05-b","b05-d"],"b06":"b06-b","b07":"16","b08":"specific character set","b09":"true","b10":["b10-a","b10-b"]}}'

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$manabi" serve --content "$work/content" --data "$work/data" --port "$port" --registrations-per-minute 0 \
    > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "quiz-bench: ./manabi serve did not start:" >&2
    cat "$work/serve.err" >&2
    exit 1
  fi
  sleep 0.05
done
url="http://127.0.0.1:$port"

# participants: confirmed registrations made through the API, their tokens one a line; the warm-up
# and the measured run each get their own, so every run's attempts are numbered from 1
register() {  # FILE TAG
  python3 - "$url" "$participants" "$2" > "$1" <<'PY'
import json, sys, urllib.request
url, count, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for n in range(count):
    body = json.dumps({"name": "負荷 試験", "kana": "ふか しけん", "email": f"quiz-bench-{tag}-{n}@example.jp",
                       "organization": "ベンチマーク株式会社", "member": n % 2 == 0, "pool": "web"}).encode()
    request = urllib.request.Request(url + "/api/seminars/bench-quiz/registrations", body,
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        print(json.load(answer)["token"])
PY
}
register "$work/warm-up" w
register "$work/tokens" m
# the registrations' mails are committed with them and sent by the server afterwards: let them go
# before anything is measured, so their CPU time is not counted as the quiz's
for _ in $(seq 1 600); do
  [ "$(curl -sf "$url/metrics" | awk '$1 == "manabi_mails_owed" { print $2 }')" = 0 ] && break
  sleep 0.2
done

run_wrk() {  # DURATION URL [TOKENS ANSWERS]: "rps p50 p99 graded started other errors graded_per_s"
  local duration=$1 target=$2
  shift 2
  wrk -t 2 -c "$connections" -d "${duration}s" --timeout 10s -s "$here/bench/quiz.lua" "$target" -- "$@" \
    > "$work/wrk.out"
  sed -nE 's/^wrk_result rps=([0-9]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) graded=([0-9]+) started=([0-9]+) other=([0-9]+) errors=([0-9]+) graded_per_s=([0-9]+)$/\1 \2 \3 \4 \5 \6 \7 \8/p' "$work/wrk.out"
}

# cpu_ticks: CPU time (user + system, in clock ticks) the server's JVM has used so far; "" without /proc
cpu_ticks() { [ -r "/proc/$server_pid/stat" ] && awk '{ print $14 + $15 }' "/proc/$server_pid/stat" || true; }
# jit_ticks: the part of it the JIT compiler threads used (the name in the stat line may hold spaces)
jit_ticks() {
  local total=0 line rest
  for stat in /proc/"$server_pid"/task/*/stat; do
    read -r line < "$stat" 2>/dev/null || continue
    case $line in
      *"(C1 CompilerThre"*|*"(C2 CompilerThre"*)
        rest=${line##*) }
        read -r -a fields <<< "$rest"
        total=$((total + fields[11] + fields[12])) ;;
    esac
  done
  echo "$total"
}

run_wrk "$warm_up" "$url" "$work/warm-up" "$answers" > /dev/null  # warm-up (JIT)
read -r health_rps _ health_p99 _ < <(run_wrk "$seconds" "$url/health")
ticks=$(cpu_ticks) jit=$(jit_ticks)
read -r rps p50 p99 graded started other errors graded_rps < <(run_wrk "$seconds" "$url" "$work/tokens" "$answers")
ticks_after=$(cpu_ticks) jit_after=$(jit_ticks)
# the measured run's answers other than 201/200, by status (a 200 by the state it reports) and wrk
# thread, with a sample body of each kind: on stderr, so the figures stay one line
grep '^wrk_other' "$work/wrk.out" >&2 || true
if [ -n "$ticks" ] && [ -n "$ticks_after" ] && [ "$graded" -gt 0 ]; then
  cpu_ms=$(awk -v t=$((ticks_after - ticks)) -v hz="$(getconf CLK_TCK)" -v n="$graded" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')
  jit_ms=$(awk -v t=$((jit_after - jit)) -v hz="$(getconf CLK_TCK)" -v n="$graded" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')
else
  cpu_ms=n/a jit_ms=n/a
fi
# acknowledged = stored: the submitted attempts of the run's participants, against the 200s wrk
# received (a submit whose answer came after wrk stopped may add a few)
stored=$(python3 - "$url" "$work/tokens" <<'PY'
import json, sys, urllib.request
url, total = sys.argv[1], 0
for token in open(sys.argv[2]).read().split():
    with urllib.request.urlopen(f"{url}/api/quiz/{token}") as answer:
        total += sum(1 for a in json.load(answer)["attempts"] if a["state"] == "submitted")
print(total)
PY
)
echo "connections=$connections graded_submissions_per_s=$graded_rps cpu_ms_per_graded=$cpu_ms jit_ms_per_graded=$jit_ms requests_per_s=$rps p50_ms=$p50 p99_ms=$p99" \
  "health_per_s=$health_rps health_p99_ms=$health_p99 graded=$graded started=$started other=$other errors=$errors" \
  "participants=$participants submitted_stored=$stored"
