local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = counter()
inc(); inc(); print(get(), inc())
local fs = {}
for i = 1, 5 do fs[i] = function() return i * 10 end end
print(fs[1](), fs[3](), fs[5]())
local function adder(x) return function(y) return function(z) return x + y + z end end end
print(adder(1)(2)(3))
local shared
do local v = 0; shared = {function() v = v + 1 end, function() return v end} end
shared[1](); shared[1](); print(shared[2]())
local function compose(f, g) return function(...) return f(g(...)) end end
print(compose(function(x) return x * 2 end, function(a, b) return a + b end)(3, 4))
local function memo(f) local c = {} return function(n) if c[n] == nil then c[n] = f(n) end return c[n] end end
local calls = 0
local sq = memo(function(n) calls = calls + 1 return n * n end)
print(sq(4), sq(4), sq(5), calls)
local t = {}
for i = 1, 3 do local j = i; t[i] = function() j = j + 1; return j end end
print(t[1](), t[1](), t[2](), t[3]())
local function rec(n) if n == 0 then return 0 end return n + rec(n - 1) end
print(rec(100))
local x = 1
local function outer() local function inner() x = x + 1; return x end return inner() + inner() end
print(outer(), x)
