-- wrk script: POSTs, in turn, each line of the file given after "--" (one JSON complaint a line).
local bodies = {}
local next = 1
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  next = math.random(#bodies)
end
function request()
  local body = bodies[next]
  next = next % #bodies + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Accept-Language"] = "en", ["X-API-Key"] = "local-admin-key"}, body)
end
