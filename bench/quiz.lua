-- wrk script of bench/quiz-bench.sh (issue 6).
--   wrk ... -s quiz.lua URL -- TOKENS_FILE ANSWERS_JSON   for each participant of TOKENS_FILE (one
--        personal token a line, split between the wrk threads) in turn: start an attempt, then, once
--        it is answered and the thread comes round again, submit it with ANSWERS_JSON (graded by the server)
--   wrk ... -s quiz.lua URL                               sends the plain GET of URL (the ceiling)
-- done() prints one line for the script to read:
--   wrk_result rps=<requests/s> p50_ms=… p99_ms=… graded=<200s of submits> started=<201s of starts>
--              other=<any other status> errors=<socket errors> graded_per_s=<graded/s>
-- and, when there were other answers, "wrk_other" (their kinds by thread) and "wrk_other_sample" (a body of each kind)

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

local tokens, attempts, ready, answers, turn = {}, {}, {}, nil, 0
graded, started, other = 0, 0, 0
-- the other answers, for done() to say what they were: "status:count …" and one body per status
local other_counts = {}
other_text, other_samples = "", ""

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
      ready[line] = "start"
    end
  end
  answers = args[2]
end

-- each participant has one request in flight at most: start, then (once the start is answered, with the
-- attempt's number) submit, then start again. The thread goes round its participants, skipping those
-- waiting for an answer; with hundreds of participants per thread a start is answered long before its
-- submit is sent. Which participant and attempt an answer is about is read from its Content-Location:
-- wrk does not say which request an answer belongs to.
function request()
  if #tokens == 0 then
    return wrk.format("GET")
  end
  for _ = 1, #tokens do
    turn = turn % #tokens + 1
    local token = tokens[turn]
    local next = ready[token]
    if next == "start" then
      ready[token] = "waiting"
      return wrk.format("POST", "/api/quiz/" .. token .. "/attempts", { ["Content-Type"] = "application/json" }, "{}")
    elseif next == "submit" then
      ready[token] = "waiting"
      return wrk.format("POST", "/api/quiz/" .. token .. "/attempts/" .. attempts[token] .. "/submit",
        { ["Content-Type"] = "application/json" }, answers)
    end
  end
  -- every participant waits for an answer (or lost track after an answer without Content-Location,
  -- counted as other): start the next one again, which the server answers with its open attempt
  turn = turn % #tokens + 1
  return wrk.format("POST", "/api/quiz/" .. tokens[turn] .. "/attempts", { ["Content-Type"] = "application/json" }, "{}")
end

-- what kind of request an answer is to cannot be known here (wrk gives no context), so an "other" is
-- named by its status and, for a 200, by what its body says
local function count_other(status, body)
  other = other + 1
  local kind = tostring(status)
  if status == 200 then
    kind = "200-" .. (body:match('"state":"(%a+)"') or "unknown")
  end
  if other_counts[kind] == nil then
    other_counts[kind] = 0
    -- one sample body per kind, cut short, on one line
    other_samples = other_samples .. " " .. kind .. "=" .. body:sub(1, 160):gsub("%s", "_")
  end
  other_counts[kind] = other_counts[kind] + 1
  local parts = {}
  for k, n in pairs(other_counts) do
    parts[#parts + 1] = k .. ":" .. n
  end
  table.sort(parts)
  other_text = table.concat(parts, ",")
end

function response(status, headers, body)
  if #tokens == 0 then
    if status ~= 200 then
      count_other(status, body)
    end
    return
  end
  local token, number = (headers["Content-Location"] or ""):match("/api/quiz/([^/]+)/attempts/(%d+)$")
  if status == 201 then
    started = started + 1
  elseif status == 200 and body:find('"state":"submitted"', 1, true) then
    graded = graded + 1
  else
    count_other(status, body)
  end
  if token ~= nil and ready[token] ~= nil then
    -- an open attempt (new, or one the server continued) is submitted next; a submitted one is followed by a start
    if body:match('"state":"(%a+)"') == "open" then
      attempts[token] = number
      ready[token] = "submit"
    else
      ready[token] = "start"
    end
  end
end

function done(summary, latency, requests)
  local g, s, o = 0, 0, 0
  local kinds, samples = {}, {}
  for _, thread in ipairs(threads) do
    g = g + (thread:get("graded") or 0)
    s = s + (thread:get("started") or 0)
    o = o + (thread:get("other") or 0)
    local text = thread:get("other_text") or ""
    if text ~= "" then
      kinds[#kinds + 1] = "t" .. thread:get("id") .. "[" .. text .. "]"
      samples[#samples + 1] = thread:get("other_samples")
    end
  end
  if #kinds > 0 then
    io.write("wrk_other " .. table.concat(kinds, " ") .. "\n")
    io.write("wrk_other_sample" .. table.concat(samples, "") .. "\n")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("wrk_result rps=%.0f p50_ms=%.1f p99_ms=%.1f graded=%d started=%d other=%d errors=%d graded_per_s=%.0f\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    g, s, o, e.connect + e.read + e.write + e.timeout, g / seconds))
end
