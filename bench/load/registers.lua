-- wrk: register list queries, authenticated with GRIDWATCH_TOKEN (see common.lua). GRIDWATCH_QUERY picks
-- one: sources-county (?grid=<random county>&class=key&limit=50), sources-bbox (a random ~5 km box),
-- patrols-county (?grid=<random county>&from/to = a random month of 2024&limit=50), patrols-bbox.
-- GRIDWATCH_COUNTIES is a comma list of county codes, GRIDWATCH_EXTENT minLon,minLat,maxLon,maxLat.
-- done() prints the p95 latency, which wrk's --latency table leaves out.
dofile((os.getenv("GRIDWATCH_BENCH_DIR") or "bench") .. "/load/common.lua")
local common_done = done
local query = os.getenv("GRIDWATCH_QUERY") or "sources-county"
local counties = {}
for c in string.gmatch(os.getenv("GRIDWATCH_COUNTIES") or "", "[^,]+") do table.insert(counties, c) end
local ext = {}
for v in string.gmatch(os.getenv("GRIDWATCH_EXTENT") or "", "[^,]+") do table.insert(ext, tonumber(v)) end

local function box()
    local w, h = 0.05, 0.045 -- about 5 km
    local x = ext[1] + math.random() * (ext[3] - ext[1] - w)
    local y = ext[2] + math.random() * (ext[4] - ext[2] - h)
    return string.format("%.5f,%.5f,%.5f,%.5f", x, y, x + w, y + h)
end

function request()
    local county = counties[math.random(1, #counties)]
    if query == "sources-county" then
        return wrk.format("GET", "/api/sources?grid=" .. county .. "&class=key&limit=50")
    elseif query == "sources-bbox" then
        return wrk.format("GET", "/api/sources?bbox=" .. box() .. "&limit=50")
    elseif query == "patrols-county" then
        local m = math.random(1, 12)
        return wrk.format("GET", string.format("/api/patrols?grid=%s&from=2024-%02d-01&to=2024-%02d-28&limit=50",
            county, m, m))
    else
        return wrk.format("GET", "/api/patrols?bbox=" .. box() .. "&limit=50")
    end
end

function done(summary, latency, requests)
    common_done(summary, latency, requests)
    io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %d requests\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, summary.requests))
end
