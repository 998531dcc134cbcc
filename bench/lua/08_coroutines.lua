local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got2", d, e)
  return "done", 99
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, "x", "y"))
print(coroutine.status(co), coroutine.resume(co))
local gen = coroutine.wrap(function() for i = 1, 5 do coroutine.yield(i) end end)
local s = 0; for i = 1, 5 do s = s + gen() end; print(s)
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i, i * i) end end) end
for i, sq in range(4) do io.write(i, ":", sq, " ") end print()
local bad = coroutine.create(function() error("oops") end)
print(coroutine.resume(bad))
local bad2 = coroutine.create(function() error({code = 7}) end)
local ok, e = coroutine.resume(bad2); print(ok, type(e), e.code)
print(coroutine.isyieldable(), select(2, coroutine.running()))
co = coroutine.create(function() print(coroutine.isyieldable()); local _, main = coroutine.running(); print(main, type(coroutine.running())) end)
coroutine.resume(co)
local function producer() return coroutine.create(function() for _, v in ipairs({"a", "b", "c"}) do coroutine.yield(v) end end) end
local p = producer(); local out = {}
while true do local ok, v = coroutine.resume(p); if not v then break end out[#out + 1] = v end
print(table.concat(out), coroutine.status(p))
local w = coroutine.wrap(function() error("in wrap") end)
print(pcall(w))
local co3 = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() print("closing") end}); coroutine.yield(1) end)
print(coroutine.resume(co3)); print(coroutine.close(co3), coroutine.status(co3))
local depth = 0
local function nest(n) if n == 0 then return coroutine.yield("bottom") end return nest(n - 1) end
print(coroutine.resume(coroutine.create(nest), 100))
