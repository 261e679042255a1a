-- wrk: GET /tiles/$TILE_LAYER/17/{x}/{y}.png (default grid_village, its default style outline_labels) inside the demo city
-- (lon 112.75..113.29, lat 27.45..27.93), authenticated with GRIDWATCH_TOKEN (see common.lua).
-- TILE_MODE=uncached: the WRK_THREADS threads walk the zoom-17 tiles interleaved (thread k asks k,
--   k + WRK_THREADS, ...), so no tile is asked twice while fewer than all of them (about 40 000) have
--   been asked: every answer is drawn.
-- TILE_MODE=warm: the first TILE_SET tiles in turn; TILE_MODE=cached: random tiles among them.
dofile((os.getenv("GRIDWATCH_BENCH_DIR") or "bench") .. "/load/common.lua")

local Z = 17
local function tile_x(lon) return math.floor((lon + 180) / 360 * 2 ^ Z) end
local function tile_y(lat)
    local r = math.rad(lat)
    return math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * 2 ^ Z)
end
local X0, X1 = tile_x(112.75), tile_x(113.29)
local Y0, Y1 = tile_y(27.93), tile_y(27.45)
local COLS = X1 - X0 + 1
local TOTAL = COLS * (Y1 - Y0 + 1)
local LAYER = os.getenv("TILE_LAYER") or "grid_village"
local MODE = os.getenv("TILE_MODE") or "uncached"
local SET = tonumber(os.getenv("TILE_SET") or "64")
local STRIDE = tonumber(os.getenv("WRK_THREADS") or "1")

local thread_count = 0
local base_setup = setup
function setup(thread)
    base_setup(thread)
    thread:set("index", thread_count)
    thread_count = thread_count + 1
end

local n = 0
local function path(i)
    i = i % TOTAL
    return string.format("/tiles/%s/%d/%d/%d.png", LAYER, Z, X0 + i % COLS, Y0 + math.floor(i / COLS))
end

function request()
    n = n + 1
    if MODE == "cached" then
        return wrk.format("GET", path(math.random(0, SET - 1)))
    elseif MODE == "warm" then
        return wrk.format("GET", path((n - 1) % SET))
    end
    return wrk.format("GET", path((index or 0) + (n - 1) * STRIDE))
end
