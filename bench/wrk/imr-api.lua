-- wrk script for the workbench API benchmark (scripts/bench-server.sh drives it).
--
-- Configuration comes from the environment (wrk passes no arguments of its own to a script):
--   IMR_BENCH_MODE     read  : GET /api/cases/{case}           (the case view with its draft)
--                      write : PUT /api/cases/{case}/items/{n} (accept the engine's decision)
--   IMR_BENCH_CASE     case id, e.g. CM26-0000001
--   IMR_BENCH_ITEM     item number for writes (default 1)
--   IMR_BENCH_COOKIE   "imr_session=..."
--   IMR_BENCH_CSRF     the session's csrf_token (writes)
--   IMR_BENCH_VERSION  the case version before the first write
--   IMR_BENCH_RATE     target requests/second for this wrk process; 0 or unset = as fast as
--                      the connections allow (no pacing)
--   IMR_BENCH_THREADS  the -t given to wrk (the rate is split evenly over the threads)
--   IMR_BENCH_NAME     label for the result
--   IMR_BENCH_OUT      file to append the result to, as one JSON line
--
-- Writes carry the version the previous write returned, so they must run on ONE connection
-- (wrk -t1 -c1): with two connections they would race and the loser would get 409 stale.
--
-- Pacing: plain wrk has no rate option (wrk2's -R). Each thread keeps a schedule of send
-- slots `interval` ms apart; delay() makes a connection wait for the next free slot. This is
-- open-loop as long as a connection is free at each slot; a request that goes out more than
-- 1 ms after its slot is counted as "late" (the server or the client fell behind), and then the
-- measured latency understates what a user would see (coordinated omission). Latency is
-- measured by wrk from the moment the request is written, not including the delay.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } imr_timespec;
  int clock_gettime(int clk_id, imr_timespec *tp);
]]
local ts = ffi.new("imr_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local mode = os.getenv("IMR_BENCH_MODE") or "read"
local case_id = os.getenv("IMR_BENCH_CASE") or error("IMR_BENCH_CASE is not set")
local item = os.getenv("IMR_BENCH_ITEM") or "1"
local cookie = os.getenv("IMR_BENCH_COOKIE") or error("IMR_BENCH_COOKIE is not set")
local csrf = os.getenv("IMR_BENCH_CSRF") or ""
local rate = tonumber(os.getenv("IMR_BENCH_RATE") or "0") or 0
local nthreads = tonumber(os.getenv("IMR_BENCH_THREADS") or "1") or 1
local name = os.getenv("IMR_BENCH_NAME") or mode
local out_file = os.getenv("IMR_BENCH_OUT")

-- Per-thread state (each wrk thread runs its own copy of this script).
version = tonumber(os.getenv("IMR_BENCH_VERSION") or "0") or 0
statuses = {}   -- status code -> count
non2xx = 0
late = 0        -- paced requests sent more than 1 ms after their slot
max_lag = 0     -- ms, the worst of those
resyncs = 0     -- write answered 409 stale: took the server's version

local read_request
if mode == "read" then
  read_request = wrk.format("GET", "/api/cases/" .. case_id, { ["Cookie"] = cookie, ["Accept"] = "application/json" })
elseif mode ~= "write" then
  error("IMR_BENCH_MODE must be read or write")
end
local write_path = "/api/cases/" .. case_id .. "/items/" .. item
local write_headers = {
  ["Cookie"] = cookie,
  ["X-CSRF-Token"] = csrf,
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json",
}

function request()
  if read_request then return read_request end
  -- Accept the engine's decision for the item at the current version. The server takes the
  -- same accept again and again (each one is a new version), so no alternation is needed.
  local body = string.format('{"version":%d,"decision":null,"rationale":null,"reason":""}', version)
  return wrk.format("PUT", write_path, write_headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  if mode == "write" then
    if status == 200 then
      local v = body and string.match(body, '"version"%s*:%s*(%d+)')
      if v then version = tonumber(v) end
    elseif status == 409 then
      -- Should not happen with one writer; keep going with the server's version so one
      -- conflict does not turn every later request into an error.
      local v = body and string.match(body, "%(now (%d+)%)")
      if v then version = tonumber(v); resyncs = resyncs + 1 end
    end
  end
end

if rate > 0 then
  local interval = 1000.0 * nthreads / rate -- ms between send slots in this thread
  local next_slot = nil
  function delay()
    local now = now_ms()
    if next_slot == nil then next_slot = now end
    local wait = next_slot - now
    next_slot = next_slot + interval
    if wait < -1 then
      late = late + 1
      if -wait > max_lag then max_lag = -wait end
    end
    if wait <= 0 then return 0 end
    return wait -- wrk truncates to whole ms; the slot schedule keeps the average rate exact
  end
end

-- Collect the per-thread counters in done() (which runs in wrk's main script state).
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

local function json_string(s)
  return '"' .. string.gsub(tostring(s), '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

function done(summary, latency, requests)
  local agg_status, agg_non2xx, agg_late, agg_lag, agg_resync = {}, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses") or {}) do agg_status[code] = (agg_status[code] or 0) + n end
    agg_non2xx = agg_non2xx + (t:get("non2xx") or 0)
    agg_late = agg_late + (t:get("late") or 0)
    agg_lag = math.max(agg_lag, t:get("max_lag") or 0)
    agg_resync = agg_resync + (t:get("resyncs") or 0)
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  local p = function(q) return latency:percentile(q) / 1000.0 end
  local status_parts = {}
  for code, n in pairs(agg_status) do table.insert(status_parts, string.format('"%d":%d', code, n)) end
  -- The full latency histogram (microseconds -> count), so that runs made by separate wrk
  -- processes at the same time can be merged into one distribution.
  local hist = {}
  for i = 1, #latency do
    local v, n = latency(i)
    table.insert(hist, string.format("[%d,%d]", v, n))
  end
  local line = string.format(
    '{"name":%s,"mode":%s,"target_rate":%g,"requests":%d,"duration_s":%.3f,"rps":%.1f,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,' ..
    '"non2xx":%d,"wrk_status_errors":%d,"statuses":{%s},"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"late":%d,"max_lag_ms":%.1f,"resyncs":%d,"hist":[%s]}',
    json_string(name), json_string(mode), rate, summary.requests, secs, summary.requests / secs,
    p(50), p(90), p(99), latency.max / 1000.0, latency.mean / 1000.0,
    agg_non2xx, e.status, table.concat(status_parts, ","), e.connect, e.read, e.write, e.timeout,
    agg_late, agg_lag, agg_resync, table.concat(hist, ","))
  io.write(string.format("%s: %d requests in %.1fs, %.1f req/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d, " ..
                         "socket errors %d/%d/%d/%d (connect/read/write/timeout), late %d\n",
                         name, summary.requests, secs, summary.requests / secs, p(50), p(99), agg_non2xx,
                         e.connect, e.read, e.write, e.timeout, agg_late))
  if out_file and out_file ~= "" then
    local f = assert(io.open(out_file, "a"))
    f:write(line, "\n")
    f:close()
  end
end
