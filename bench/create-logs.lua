-- wrk script for bench/create-logs.sh: POST one log per request and count every answer that is not 201.
-- The URL (with the citizen id) is given on the wrk command line; the API key comes from BENCH_API_KEY.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_API_KEY") or "demo-ak-01-system-key")
wrk.body = '{"kind":"jobSearch","status":"applied","jobTitle":"Kontorassistent",' ..
           '"employer":{"name":"Firma A/S","postalCode":"8000","city":"Aarhus C"}}'

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non201 = 0
  first_bad = ""
end

function response(status, headers, body)
  if status ~= 201 then
    non201 = non201 + 1
    if first_bad == "" then first_bad = tostring(status) .. " " .. string.sub(body or "", 1, 200) end
  end
end

function done(summary, latency, requests)
  local bad, sample = 0, ""
  for _, t in ipairs(threads) do
    bad = bad + t:get("non201")
    local s = t:get("first_bad")
    if sample == "" and s ~= nil and s ~= "" then sample = s end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non201=%d " ..
    "connect_err=%d read_err=%d write_err=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad, e.connect, e.read, e.write, e.timeout))
  if sample ~= "" then io.write("FIRST_NON201 " .. sample .. "\n") end
end
