-- wrk: GET /api/grids?level=village&limit=100&offset=<random page start> (the demo has 854 villages).
-- GRIDWATCH_TOKEN, when set, is sent as a bearer token.
local token = os.getenv("GRIDWATCH_TOKEN")
if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
end

function setup(thread)
    thread:set("seed", math.random(1, 1e9))
end

function init(args)
    math.randomseed(seed or os.time())
end

function request()
    return wrk.format("GET", "/api/grids?level=village&limit=100&offset=" .. math.random(0, 800))
end
