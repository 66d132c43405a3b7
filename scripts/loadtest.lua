-- wrk script of `make loadtest` (scripts/loadtest.py): after the run, one machine-readable
-- line with throughput, latency percentiles (microseconds) and every kind of error.
-- wrk counts responses with a status above 399 in errors.status; 2xx and 3xx are fine.

done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format(
    "LOADTEST requests=%d seconds=%.3f rps=%.2f bytes=%d " ..
    "p50_us=%d p95_us=%d p99_us=%d max_us=%d " ..
    "non_2xx_3xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout
  ))
end
