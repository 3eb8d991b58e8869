-- A steady pace for wrk (a rate of 0 or none: as fast as the connections go), loaded by the other bench scripts (dofile): each thread sends on a fixed schedule instead of
-- as fast as its connections allow, so a rate can be offered (employees nominating at 500 a second, HR browsing at a
-- few pages a second) and the latency read at that rate. A request whose slot has passed goes at once, so a slow
-- portal shows up as a rate below the one offered, never as a hidden wait.
--
--   takt.start(per_second)   -- in init(): this thread's share of the rate
--   return takt.delay()      -- in delay(): milliseconds until this request's slot
local ffi = require("ffi")
pcall(ffi.cdef, [[
  typedef struct { long tv_sec; long tv_nsec; } takt_timespec;
  int clock_gettime(int clock, takt_timespec *t);
]])
local now_buffer = ffi.new("takt_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, now_buffer) -- CLOCK_MONOTONIC
  return tonumber(now_buffer.tv_sec) * 1000 + tonumber(now_buffer.tv_nsec) / 1e6
end

takt = { interval = nil, next_at = nil }

function takt.start(per_second)
  if per_second and per_second > 0 then takt.interval = 1000 / per_second end
end

function takt.delay()
  if not takt.interval then return 0 end
  local t = now_ms()
  if not takt.next_at or takt.next_at < t - 1000 then takt.next_at = t end -- start, or fell a second behind: don't burst to catch up
  local wait = takt.next_at - t
  takt.next_at = takt.next_at + takt.interval
  return wait > 0 and math.floor(wait) or 0
end
