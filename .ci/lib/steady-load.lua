-- wrk script for the rolling-replacement proof. It cycles through the API's requests (GET and POST /v1/hello,
-- GET /v1/version) at a steady pace and counts every response by status, because wrk's own summary only
-- reports "Non-2xx or 3xx" and would let a redirect or an unexpected 1xx/3xx pass as a success.
--
-- Arguments (after "--"): the pause in milliseconds each connection takes before its next request.
-- done() prints machine-readable lines that start with "tally" for the calling script to parse.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local cycle, next_index, pause_ms

function init(args)
  pause_ms = tonumber(args[1]) or 0
  local headers = { ["User-Agent"] = "steady-load" }
  local json = { ["User-Agent"] = "steady-load", ["Content-Type"] = "application/json" }
  cycle = {
    wrk.format("GET", "/v1/hello?name=Ada", headers),
    wrk.format("POST", "/v1/hello", json, '{"name":"Grace"}'),
    wrk.format("GET", "/v1/version", headers),
  }
  next_index = 0
  -- a global, so that done() can read it from each thread
  statuses = {}
end

function delay()
  return pause_ms
end

function request()
  next_index = next_index % #cycle + 1
  return cycle[next_index]
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency)
  local by_status = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  local errors = summary.errors
  io.write(string.format("tally requests %d\n", summary.requests))
  for status, count in pairs(by_status) do
    io.write(string.format("tally status %d %d\n", status, count))
  end
  io.write(string.format("tally socket_errors connect %d read %d write %d timeout %d\n",
    errors.connect, errors.read, errors.write, errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("tally latency_us p%s %d\n", p, latency:percentile(p)))
  end
  io.write(string.format("tally latency_us max %d\n", latency.max))
end
