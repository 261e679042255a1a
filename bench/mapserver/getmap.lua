-- wrk: WMS 1.3.0 GetMap, LAYERS=grid_village only, 256 x 256 transparent PNG in EPSG:3857, for
-- bench/mapserver/run.sh. TARGET=gridwatch (path /wms, STYLES=outline, Bearer GRIDWATCH_TOKEN) or
-- TARGET=mapserver (path /mapserv, STYLES= default, no credentials). ZOOM: the web-mercator zoom whose
-- tile size the BBOX has (12 "county", 13 "township"). Each BBOX is centred on a uniformly random
-- point of the demo city (lon 112.75..113.3, lat 27.44..27.93), not snapped to the tile grid, so
-- every request is a different map (neither server caches GetMap; no If-None-Match is sent).
-- done() prints "p95_ms", "p50_ms" and "bad <content-type>: n" for 2xx answers that are not image/png
-- (a WMS error is an HTTP 200 XML exception), and "status <code>: n" for non-2xx answers.
local HALF = 20037508.342789244
local ZOOM = tonumber(os.getenv("ZOOM") or "12")
local TARGET = os.getenv("TARGET") or "gridwatch"
local SIZE = 2 * HALF / 2 ^ ZOOM
local token = os.getenv("GRIDWATCH_TOKEN")
if TARGET == "gridwatch" then
    assert(token and token ~= "", "GRIDWATCH_TOKEN is not set")
    wrk.headers["Authorization"] = "Bearer " .. token
end
local PATH = TARGET == "gridwatch" and "/wms" or "/mapserv"
local STYLE = TARGET == "gridwatch" and "outline" or ""

local threads = {}
bad = {}
function setup(thread)
    thread:set("seed", math.random(1, 1e9))
    table.insert(threads, thread)
end
function init(args) math.randomseed(seed or os.time()) end

local function merc(lon, lat)
    return lon * HALF / 180, math.log(math.tan((90 + lat) * math.pi / 360)) * HALF / math.pi
end

function request()
    local cx, cy = merc(112.75 + math.random() * 0.55, 27.44 + math.random() * 0.49)
    return wrk.format("GET", string.format("%s?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap"
        .. "&LAYERS=grid_village&STYLES=%s&CRS=EPSG:3857&BBOX=%.3f,%.3f,%.3f,%.3f"
        .. "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=true", PATH, STYLE,
        cx - SIZE / 2, cy - SIZE / 2, cx + SIZE / 2, cy + SIZE / 2))
end

function response(status, headers, body)
    local key
    if status < 200 or status > 299 then
        key = "status " .. status
    else
        local t = "none"
        for k, v in pairs(headers) do
            if string.lower(k) == "content-type" then t = string.lower((string.gsub(v, "%s*;.*$", ""))) end
        end
        if t ~= "image/png" then key = "bad " .. t end
    end
    if key then bad[key] = (bad[key] or 0) + 1 end
end

function done(summary, latency, requests)
    io.write(string.format("p50_ms %.3f\np95_ms %.3f\np99_ms %.3f\n", latency:percentile(50) / 1000,
        latency:percentile(95) / 1000, latency:percentile(99) / 1000))
    local total = {}
    for _, t in ipairs(threads) do
        local b = t:get("bad")
        if type(b) == "table" then for k, n in pairs(b) do total[k] = (total[k] or 0) + n end end
    end
    local n = 0
    for k, c in pairs(total) do io.write(string.format("%s: %d\n", k, c)); n = n + c end
    io.write(string.format("errors %d\n", n))
end
