-- wrk: GET /api/grids/locate at uniformly random points of the demo city's extent
-- (lon 112.7..113.3, lat 27.4..27.9), authenticated with GRIDWATCH_TOKEN (see common.lua).
dofile((os.getenv("GRIDWATCH_BENCH_DIR") or "bench") .. "/load/common.lua")

function request()
    local lon = 112.7 + math.random() * 0.6
    local lat = 27.4 + math.random() * 0.5
    return wrk.format("GET", string.format("/api/grids/locate?lon=%.6f&lat=%.6f", lon, lat))
end
