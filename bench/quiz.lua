-- wrk script of bench/quiz-bench.sh (issue 6).
--   wrk ... -s quiz.lua URL -- TOKENS_FILE ANSWERS_JSON   for each participant of TOKENS_FILE (one
--        personal token a line, split between the wrk threads) in turn: start an attempt, then, one
--        round of the participants later, submit it with ANSWERS_JSON (graded by the server)
--   wrk ... -s quiz.lua URL                               sends the plain GET of URL (the ceiling)
-- done() prints one line for the script to read:
--   wrk_result rps=<requests/s> p50_ms=… p99_ms=… graded=<200s of submits> started=<201s of starts>
--              other=<any other status> errors=<socket errors> graded_per_s=<graded/s>

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

local tokens, attempts, answers, turn, submitting = {}, {}, nil, 0, false
graded, started, other = 0, 0, 0

function init(args)
  if args[1] == nil then
    return
  end
  local n = 0
  for line in io.lines(args[1]) do
    n = n + 1
    -- each wrk thread takes every other participant: no participant is driven by two threads
    if (n % 2) + 1 == id then
      tokens[#tokens + 1] = line
      attempts[#tokens] = 0
    end
  end
  answers = args[2]
end

-- requests alternate by round: a round starts an attempt for every participant of the thread, the
-- next round submits them; with hundreds of participants per thread a start is answered long
-- before its submit is sent
function request()
  if #tokens == 0 then
    return wrk.format("GET")
  end
  turn = turn + 1
  if turn > #tokens then
    turn = 1
    submitting = not submitting
  end
  local token = tokens[turn]
  if not submitting then
    attempts[turn] = attempts[turn] + 1
    return wrk.format("POST", "/api/quiz/" .. token .. "/attempts", { ["Content-Type"] = "application/json" }, "{}")
  end
  return wrk.format("POST", "/api/quiz/" .. token .. "/attempts/" .. attempts[turn] .. "/submit",
    { ["Content-Type"] = "application/json" }, answers)
end

function response(status, headers, body)
  if #tokens == 0 then
    if status ~= 200 then
      other = other + 1
    end
  elseif status == 201 then
    started = started + 1
  elseif status == 200 and body:find('"state":"submitted"', 1, true) then
    graded = graded + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local g, s, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    g = g + (thread:get("graded") or 0)
    s = s + (thread:get("started") or 0)
    o = o + (thread:get("other") or 0)
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("wrk_result rps=%.0f p50_ms=%.1f p99_ms=%.1f graded=%d started=%d other=%d errors=%d graded_per_s=%.0f\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    g, s, o, e.connect + e.read + e.write + e.timeout, g / seconds))
end
