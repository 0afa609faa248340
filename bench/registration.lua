-- wrk script of bench/registration-bench.sh (issue 5).
--   wrk ... -s registration.lua URL -- RUN SEMINAR...   POSTs registrations, each with an email no
--                                                        other request of any run uses (run tag,
--                                                        thread, counter), round-robin over SEMINARs
--   wrk ... -s registration.lua URL                      sends the plain GET of URL (the ceiling)
-- Either way done() prints one line for the script to read:
--   wrk_result rps=<requests/s> p50_ms=… p99_ms=… created=<201s> other=<other statuses>
--              unanswered=<registrations sent whose answer came after wrk stopped> errors=<socket errors>

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

local run, seminars, counter, turn = nil, {}, 0, 0
created, other, sent = 0, 0, 0

function init(args)
  run = args[1]
  for i = 2, #args do
    seminars[#seminars + 1] = args[i]
  end
end

function request()
  if #seminars == 0 then
    return wrk.format("GET")
  end
  counter = counter + 1
  sent = counter
  turn = turn % #seminars + 1
  -- unique per request, also across runs against one database: run tag, wrk thread, counter
  local email = string.format("bench-%s-%d-%d@example.jp", run, id, counter)
  local body = string.format('{"name":"負荷 試験","kana":"ふか しけん","email":"%s","organization":"ベンチマーク株式会社",'
    .. '"member":%s,"pool":"%s"}', email, counter % 2 == 0 and "true" or "false", counter % 3 == 0 and "web" or "onsite")
  return wrk.format("POST", "/api/seminars/" .. seminars[turn] .. "/registrations",
    { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status ~= 200 or #seminars > 0 then
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, o, s = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + (thread:get("created") or 0)
    o = o + (thread:get("other") or 0)
    s = s + (thread:get("sent") or 0)
  end
  local e = summary.errors
  io.write(string.format("wrk_result rps=%.0f p50_ms=%.1f p99_ms=%.1f created=%d other=%d unanswered=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    c, o, math.max(0, s - c - o), e.connect + e.read + e.write + e.timeout))
end
