-- wrk script for bench/http_load.sh: each request is the next of a mix of search URLs (plain words,
-- Arabic and French, fields, phrases, ranges, facet filters, later pages), so caches see variety.
-- Counts non-2xx responses, which wrk alone reports only as "Non-2xx".
local paths = {
  "/api/search?q=torture",
  "/api/search?q=ratify+OPCAT",
  "/api/search?q=%22national+preventive+mechanism%22",
  "/api/search?q=body%3ACAT+torture",
  "/api/search?q=year%3A2010..2013+children",
  "/api/search?q=state%3AMorocco+NOT+response%3Anoted",
  "/api/search?q=%D8%A7%D9%84%D8%AA%D8%B9%D8%B0%D9%8A%D8%A8",
  "/api/search?q=%D8%AD%D9%82%D9%88%D9%82+%D8%A7%D9%84%D9%85%D8%B1%D8%A3%D8%A9",
  "/api/search?q=violence+%C3%A0+l%27%C3%A9gard+des+femmes",
  "/api/search?q=discrimin*&facets=0",
  "/api/search?q=women&mechanism=upr&page=2",
  "/api/search?q=education&sort=year&size=20",
  "/api/search?q=death+penalty&display=fr",
  "/api/search?q=freedom+of+expression&year_from=2010&year_to=2012",
  "/api/search?q=migrants&facets=0&size=5",
  "/api/health",
}

-- Runs in the main state: remembers each thread, so done() can add up their failure counts.
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- Runs in each thread's state.
function init(args)
  requests = 0
  failures = 0
end

function request()
  requests = requests + 1
  return wrk.format("GET", paths[(requests + id) % #paths + 1])
end

function response(status, headers, body)
  if status < 200 or status >= 300 then failures = failures + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + (thread:get("failures") or 0) end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed,
    e.connect + e.read + e.write + e.timeout))
end
