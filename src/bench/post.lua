-- wrk script: POSTs the JSON file given after "--" to the URL, and counts answers by status.
local body
function init(args)
  local file = assert(io.open(args[1], "r"))
  body = file:read("*a")
  file:close()
end
function request()
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Accept-Language"] = "en", ["X-API-Key"] = "local-admin-key"}, body)
end
