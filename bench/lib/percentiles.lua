-- wrk reporter for bench/throughput: one machine-readable line after the run, so the script need not parse
-- wrk's human summary. Latencies are wrk's own (microseconds); errors count sockets and non-2xx/3xx answers.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_us=%d p99_us=%d p999_us=%d max_us=%d requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    summary.requests, errors))
end
