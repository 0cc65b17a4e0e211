-- wrk script of scale-out.sh: POSTs the complaint given after "--" and counts the answers by
-- status and by the ruleset version each decision names.
local body
-- a global: done() reads it from every thread with thread:get, which sees globals only
counts = {}
local threads = {}
-- Think time of each connection between its requests (THINK_MS, milliseconds): 0 saturates the
-- processors; scale-out.sh uses it to hold the load near the autoscaler's CPU target.
local think = tonumber(os.getenv("THINK_MS") or "0")

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  body = file:read("*a")
  file:close()
end

function request()
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-API-Key"] = "local-admin-key"}, body)
end

function delay()
  return think
end

function response(status, headers, answer)
  local key
  if status ~= 200 then
    key = "status " .. status
  else
    key = answer:match('"ruleset"%s*:%s*{%s*"version"%s*:%s*"([^"]+)"') or "no version"
  end
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("counts") or {}) do
      total[key] = (total[key] or 0) + n
    end
  end
  for key, n in pairs(total) do
    io.write(string.format("answers %s: %d\n", key, n))
  end
end
