-- Shared by the wrk scripts: the bearer token (GRIDWATCH_TOKEN, required: every API route needs
-- credentials), a per-thread random seed and, with GRIDWATCH_WRK_STATUS=1, a count of the answers
-- that were not 2xx by status code, printed by done() as "status <code>: <count>" lines (wrk itself
-- only reports "Non-2xx or 3xx responses"). Counting costs a Lua call per response, so it is off by
-- default. With GRIDWATCH_EXPECT_TYPE set (a global, before the dofile; getmap.lua sets "image/png")
-- every 2xx answer whose Content-Type is not that type is counted and printed by done() as
-- "bad content-type <type>: <count>" lines (WMS errors are HTTP 200 ServiceExceptionReports);
-- bench/load.sh fails on them. Loaded with dofile() by the endpoint scripts (wrk runs the script
-- once per thread).
local token = os.getenv("GRIDWATCH_TOKEN")
if not token or token == "" then
    error("GRIDWATCH_TOKEN is not set: every API route needs credentials (bench/load.sh creates a token)")
end
wrk.headers["Authorization"] = "Bearer " .. token

local threads = {}
statuses = {}
bad_types = {}
local expect_type = GRIDWATCH_EXPECT_TYPE
local count_status = os.getenv("GRIDWATCH_WRK_STATUS") == "1"

function setup(thread)
    thread:set("seed", math.random(1, 1e9))
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(seed or os.time())
end

-- the media type of a response (parameters such as "; charset=UTF-8" dropped, lower case)
local function content_type(headers)
    for name, value in pairs(headers) do
        if string.lower(name) == "content-type" then
            return string.lower((string.gsub(value, "%s*;.*$", "")))
        end
    end
    return "none"
end

if count_status or expect_type then
    function response(status, headers, body)
        if status < 200 or status > 299 then
            if count_status then
                statuses[status] = (statuses[status] or 0) + 1
            end
        elseif expect_type then
            local t = content_type(headers)
            if t ~= expect_type then
                bad_types[t] = (bad_types[t] or 0) + 1
            end
        end
    end
end

function done(summary, latency, requests)
    local total, types = {}, {}
    for _, t in ipairs(threads) do
        local s = t:get("statuses")
        if type(s) == "table" then
            for code, n in pairs(s) do
                total[code] = (total[code] or 0) + n
            end
        end
        local b = t:get("bad_types")
        if type(b) == "table" then
            for ct, n in pairs(b) do
                types[ct] = (types[ct] or 0) + n
            end
        end
    end
    for code, n in pairs(total) do
        io.write(string.format("status %d: %d\n", code, n))
    end
    for ct, n in pairs(types) do
        io.write(string.format("bad content-type %s: %d\n", ct, n))
    end
end
