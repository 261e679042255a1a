-- Shared by the wrk scripts: the bearer token (GRIDWATCH_TOKEN, required: every API route needs
-- credentials), a per-thread random seed and, with GRIDWATCH_WRK_STATUS=1, a count of the answers
-- that were not 2xx by status code, printed by done() as "status <code>: <count>" lines (wrk itself
-- only reports "Non-2xx or 3xx responses"). Counting costs a Lua call per response, so it is off by
-- default. Loaded with dofile() by locate.lua and list.lua (wrk runs the script once per thread).
local token = os.getenv("GRIDWATCH_TOKEN")
if not token or token == "" then
    error("GRIDWATCH_TOKEN is not set: every API route needs credentials (bench/load.sh creates a token)")
end
wrk.headers["Authorization"] = "Bearer " .. token

local threads = {}
statuses = {}

function setup(thread)
    thread:set("seed", math.random(1, 1e9))
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(seed or os.time())
end

if os.getenv("GRIDWATCH_WRK_STATUS") == "1" then
    function response(status, headers, body)
        if status < 200 or status > 299 then
            statuses[status] = (statuses[status] or 0) + 1
        end
    end
end

function done(summary, latency, requests)
    local total = {}
    for _, t in ipairs(threads) do
        local s = t:get("statuses")
        if type(s) == "table" then
            for code, n in pairs(s) do
                total[code] = (total[code] or 0) + n
            end
        end
    end
    for code, n in pairs(total) do
        io.write(string.format("status %d: %d\n", code, n))
    end
end
