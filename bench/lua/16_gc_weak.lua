local weak = setmetatable({}, {__mode = "k"})
local key = {}; weak[key] = 1; weak[{}] = 2
collectgarbage(); collectgarbage()
local n = 0; for _ in pairs(weak) do n = n + 1 end; print("weak entries", n)
local big = {}; for i = 1, 200000 do big[i] = {i, tostring(i)} end
print(#big, big[123456][2]); big = nil; collectgarbage()
print(collectgarbage("isrunning"), type(collectgarbage("count")), collectgarbage("step"))
local fin = {}; setmetatable({}, {__gc = function() fin[#fin + 1] = "gc" end}); collectgarbage(); collectgarbage()
print(#fin)
local strs = {}; for i = 1, 50000 do strs[#strs + 1] = ("s" .. i):rep(3) end
print(#table.concat(strs))
print(collectgarbage("incremental"), collectgarbage("generational"), collectgarbage("incremental"))
local t = {}; for i = 1, 100000 do t["k" .. (i % 5000)] = i end; local c = 0; for _ in pairs(t) do c = c + 1 end; print(c)
