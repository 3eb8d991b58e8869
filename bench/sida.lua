-- wrk script: GETs the given page at a steady total rate (bench/takt.lua), as people browsing rather than a flood.
--
--   wrk -t T -c C -s bench/sida.lua http://host/page -- <requests per second, all threads together> <threads>
dofile("bench/takt.lua")

function init(args)
  takt.start(tonumber(args[1]) / tonumber(args[2]))
end

function delay()
  return takt.delay()
end
