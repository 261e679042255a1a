-- wrk: WMS 1.3.0 GetMap of grid_village,grid_township as a 256 x 256 transparent PNG in EPSG:3857,
-- the web-mercator tile (x, y, z) of a uniformly random point of the demo city's extent
-- (lon 112.7..113.3, lat 27.4..27.9) at a uniformly random zoom 12..15. Zoom 12 is 1:136,000 by the
-- server's scale rule (bbox width / WIDTH / 0.28 mm), so villages (drawn below 1:250,000) always
-- draw; zoom 11 (1:273,000) would not. The city covers ~40 tiles at zoom 12 and ~2,300 at 15, so
-- consecutive requests are almost always different tiles; wrk sends no If-None-Match anyway, so
-- every request renders. Authenticated with GRIDWATCH_TOKEN (see common.lua).
-- A WMS error is a ServiceExceptionReport with HTTP 200 (XML): common.lua counts the 2xx answers
-- whose Content-Type is not image/png ("bad content-type ..." lines) and bench/load.sh fails on
-- them as on non-2xx answers.
GRIDWATCH_EXPECT_TYPE = "image/png"
dofile((os.getenv("GRIDWATCH_BENCH_DIR") or "bench") .. "/load/common.lua")

local HALF = 20037508.342789244 -- half the web-mercator world width, metres
local MIN_ZOOM, MAX_ZOOM = 12, 15

local function tile(lon, lat, z)
    local n = 2 ^ z
    local x = math.floor((lon + 180) / 360 * n)
    local r = math.rad(lat)
    local y = math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
    return x, y, n
end

function request()
    local z = math.random(MIN_ZOOM, MAX_ZOOM)
    local x, y, n = tile(112.7 + math.random() * 0.6, 27.4 + math.random() * 0.5, z)
    local size = 2 * HALF / n
    local minx = -HALF + x * size
    local maxy = HALF - y * size
    -- EPSG:3857 in 1.3.0: BBOX is easting,northing (no axis swap)
    return wrk.format("GET", string.format("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap"
        .. "&LAYERS=grid_village,grid_township&STYLES=&CRS=EPSG:3857&BBOX=%.3f,%.3f,%.3f,%.3f"
        .. "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=true", minx, maxy - size, minx + size, maxy))
end
