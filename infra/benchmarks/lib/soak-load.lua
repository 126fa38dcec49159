-- One kind of soak.sh's mixed load at a steady rate: one wrk process per kind, one thread, a few connections.
--
-- Why a schedule and not wrk's plain loop: wrk sends as fast as its connections are answered, so the rate would
-- follow the server's speed and a soak would measure a moving target. Here the thread keeps a timetable of one
-- slot every 1000 / SOAK_RATE ms on the monotonic clock (LuaJIT's FFI: clock_gettime); every request waits for
-- its slot through wrk's delay(). The connections are only how many may be under way at once: while they are all
-- waiting for answers the timetable falls behind, catches up as they come back, and slots more than a second late
-- are dropped and counted ("skipped"), so a slow minute shows as a lower rate, not as a burst after it.
-- (wrk's latency is from the write of a request to its answer; the wait for a slot is not in it.)
--
-- Environment: SOAK_KIND (its name in the report), SOAK_RATE (requests a second), SOAK_METHOD [GET], SOAK_KEY
-- (sent as X-API-Key), SOAK_PATHS (a file of paths, one is picked at random per request) or SOAK_TEMPLATE with
-- SOAK_FIRST_ID (a path with %d, filled with SOAK_FIRST_ID, SOAK_FIRST_ID + 1, ...: ids never asked before),
-- SOAK_EXPECTED (comma-separated 4xx statuses that are a right answer for this kind, e.g. 409 for a refresh).
--
-- Prints one line at the end: kind requests ok expected_4xx r429 errors p50 p90 p99 max requests/s issued skipped
-- codes (latencies in ms; ok = 2xx/3xx; errors = any other status >= 400 and socket errors, timeouts included;
-- issued = requests written, the last of them perhaps unanswered when wrk stopped; codes = status=count,...).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } soak_timespec;
int clock_gettime(int clock_id, soak_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local now_buffer = ffi.new("soak_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_buffer)
  return tonumber(now_buffer.tv_sec) * 1000 + tonumber(now_buffer.tv_nsec) / 1000000
end

local kind = os.getenv("SOAK_KIND") or "load"
local interval = 1000 / tonumber(os.getenv("SOAK_RATE") or "1")
local method = os.getenv("SOAK_METHOD") or "GET"
local template = os.getenv("SOAK_TEMPLATE")
local first_id = tonumber(os.getenv("SOAK_FIRST_ID") or "1")
local headers = {}
if os.getenv("SOAK_KEY") then
  headers["X-API-Key"] = os.getenv("SOAK_KEY")
end
local paths = {}
local slot = nil

-- Globals of the thread's Lua state, read by done() through thread:get.
codes = {}
issued = 0
skipped = 0

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("SOAK_PATHS")
  if file then
    for line in io.lines(file) do
      if line ~= "" then
        table.insert(paths, line)
      end
    end
  end
  math.randomseed(math.floor(now_ms()))
end

function delay()
  local now = now_ms()
  slot = slot and slot + interval or now
  if slot < now - 1000 then
    skipped = skipped + math.floor((now - slot) / interval)
    slot = now
  end
  local wait = slot - now
  return wait > 0 and math.floor(wait) or 0
end

function request()
  issued = issued + 1
  local path
  if template then
    path = string.format(template, first_id + issued - 1)
  else
    path = paths[math.random(#paths)]
  end
  return wrk.format(method, path, headers)
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
  local expected = {}
  for status in string.gmatch(os.getenv("SOAK_EXPECTED") or "", "%d+") do
    expected[tonumber(status)] = true
  end
  local ok, expected_4xx, r429, errors, all_issued, all_skipped = 0, 0, 0, 0, 0, 0
  local merged = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("codes") or {}) do
      status = tonumber(status)
      merged[status] = (merged[status] or 0) + count
    end
    all_issued = all_issued + (thread:get("issued") or 0)
    all_skipped = all_skipped + (thread:get("skipped") or 0)
  end
  local listed = {}
  for status, count in pairs(merged) do
    if status < 400 then
      ok = ok + count
    elseif status == 429 then
      r429 = r429 + count
    elseif expected[status] then
      expected_4xx = expected_4xx + count
    else
      errors = errors + count
    end
    table.insert(listed, status .. "=" .. count)
  end
  table.sort(listed)
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  errors = errors + socket
  if socket > 0 then
    table.insert(listed, "socket=" .. socket)
  end
  io.write(string.format("%s %d %d %d %d %d %.3f %.3f %.3f %.3f %.2f %d %d %s\n", kind, summary.requests, ok,
      expected_4xx, r429, errors, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1000000),
      all_issued, all_skipped, #listed > 0 and table.concat(listed, ",") or "-"))
end
