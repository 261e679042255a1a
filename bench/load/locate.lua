-- wrk: GET /api/grids/locate at uniformly random points of the demo city's extent
-- (lon 112.7..113.3, lat 27.4..27.9). GRIDWATCH_TOKEN, when set, is sent as a bearer token.
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
    local lon = 112.7 + math.random() * 0.6
    local lat = 27.4 + math.random() * 0.5
    return wrk.format("GET", string.format("/api/grids/locate?lon=%.6f&lat=%.6f", lon, lat))
end
