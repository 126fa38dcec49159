-- The closing report of a benchmark's wrk script, appended to it by the script (wrk takes one file): one line,
-- "p50 p95 p99 requests errors requests/s" (latencies in ms; errors count non-2xx answers and socket errors).
function done(summary, latency, requests)
  io.write(string.format("%.3f %.3f %.3f %d %d %.1f\n", latency:percentile(50) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests,
      summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
      summary.requests / (summary.duration / 1000000)))
end
