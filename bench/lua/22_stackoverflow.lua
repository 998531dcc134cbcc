local function inf(n) return 1 + inf(n + 1) end
local ok, e = pcall(inf, 1); print(ok, (e:gsub("^.-:%d+: ", "")))
local function cinf() return tostring(setmetatable({}, {__tostring = cinf})) end
print(pcall(cinf))
local depth = 0
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
print(deep(150000))
local s = string.rep("(", 300) .. "1" .. string.rep(")", 300)
print(load("return " .. s))
local t = {}; local cur = t; for i = 1, 10000 do cur.next = {}; cur = cur.next end; print("chain ok")
local co = coroutine.wrap(function() local function r(n) if n == 0 then coroutine.yield("deep yield") return 0 end return 1 + r(n - 1) end return r(10000) end)
print(co(), co())
print(pcall(string.rep, "abc", 1e10))
print(select('#', table.unpack({}, 1, 100)))
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(function() local a = {}; for i = 1, 300 do a[i] = i end; return select('#', table.unpack(a)) end))
