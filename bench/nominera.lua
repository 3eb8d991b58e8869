-- wrk script for bench/arets-chef.sh: POSTs the nomination form of /arets-chef, round-robin over prepared sessions.
--
--   wrk -t C -c C -s bench/nominera.lua http://host/arets-chef -- sessions.tsv ok.txt C [per-second]
--
-- With a rate (all threads together), the posts go at that steady pace (bench/takt.lua); without, as fast as they can.
-- sessions.tsv: one employee a line, "person-id <TAB> Cookie header <TAB> antiforgery token <TAB> nominee id".
-- Thread k (1..C) takes lines k, k+C, k+2C ...: no two threads submit for the same employee at once.
-- Run with as many threads as connections (-t C -c C): each thread then has one connection, whose responses
-- come back in the order of its requests, so each status is known to belong to the employee just sent.
-- A 302 (redirect after a saved nomination) counts as accepted; 200 means the form came back with an error.
-- done() writes the accepted employees' person ids to ok.txt and prints one summary line.

dofile("bench/takt.lua")

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local requests = {}
local people = {}
local next_index = 0
local sent = nil
ok = {}          -- person id -> true, read by done() through thread:get
statuses = {}    -- status code -> count
ok_file = nil

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local file, threadcount = args[1], tonumber(args[3])
  ok_file = args[2]
  if args[4] then takt.start(tonumber(args[4]) / threadcount) end
  local motivering = urlencode("Chefen skapar ett tryggt arbetsklimat och når goda resultat tillsammans med oss.")
  local n = 0
  for line in io.lines(file) do
    if n % threadcount == id - 1 then
      local person, cookie, token, nominee = line:match("^(%d+)\t([^\t]*)\t([^\t]*)\t(%d+)$")
      local body = "__RequestVerificationToken=" .. urlencode(token)
        .. "&Nominering.ChefPersonId=" .. nominee
        .. "&" .. urlencode("Nominering.Motiveringar[resultat]") .. "=" .. motivering
        .. "&" .. urlencode("Nominering.Motiveringar[arbetsklimat]") .. "=" .. motivering
      table.insert(requests, wrk.format("POST", wrk.path, {
        ["Cookie"] = cookie,
        ["Content-Type"] = "application/x-www-form-urlencoded",
      }, body))
      table.insert(people, person)
    end
    n = n + 1
  end
end

function delay()
  return takt.delay()
end

function request()
  next_index = next_index % #requests + 1
  sent = people[next_index]
  return requests[next_index]
end

local sample_saved = false

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  -- The first 5xx body per thread, beside ok.txt, so a fault run can show what a person saw (bench/arets-chef.sh).
  if status >= 500 and not sample_saved then
    sample_saved = true
    local f = io.open(ok_file .. ".5xx-" .. id .. ".html", "w")
    if f then f:write(body or ""); f:close() end
  end
  if status == 302 and sent then ok[sent] = true end
end

function done(summary, latency, requests)
  local accepted, other, byStatus = 0, 0, {}
  -- done() runs in wrk's main state, which init() never saw: the file name comes from a thread.
  local out = io.open(threads[1]:get("ok_file"), "w")
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      byStatus[status] = (byStatus[status] or 0) + count
      if status == 302 then accepted = accepted + count else other = other + count end
    end
    for person, _ in pairs(thread:get("ok")) do out:write(person, "\n") end
  end
  out:close()
  local seconds = summary.duration / 1e6
  local codes = {}
  for status, count in pairs(byStatus) do table.insert(codes, status .. ":" .. count) end
  local e = summary.errors
  io.write(string.format("RESULT accepted=%d other=%d seconds=%.2f accepted_per_s=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d statuses=%s\n",
    accepted, other, seconds, accepted / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, table.concat(codes, ",")))
end
