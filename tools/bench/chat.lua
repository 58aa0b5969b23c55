-- wrk script: POST /api/v1/chat as many shoppers. Each request picks one of
-- PARLEY_BENCH_USERS users (default 10000) at random, so the load spreads
-- over live conversations the way a busy shop's does.
local users = tonumber(os.getenv("PARLEY_BENCH_USERS") or "10000")
local texts = {
  "I need something to fasten wood",
  "add 3 of the second one",
  "quiero pagar",
  "mujhe pimple ke liye cream chahiye",
  "сколько стоит доставка?",
}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  local user = math.random(users)
  local text = texts[math.random(#texts)]
  local body = string.format('{"user_id":"bench-%d","text":"%s","channel":"api"}', user, text)
  return wrk.format(nil, "/api/v1/chat", nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
