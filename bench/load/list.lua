-- wrk: GET /api/grids?level=village&limit=100&offset=<random page start> (the demo has 854 villages),
-- authenticated with GRIDWATCH_TOKEN (see common.lua).
dofile((os.getenv("GRIDWATCH_BENCH_DIR") or "bench") .. "/load/common.lua")

function request()
    return wrk.format("GET", "/api/grids?level=village&limit=100&offset=" .. math.random(0, 800))
end
