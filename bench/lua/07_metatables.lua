local V = {}
V.__index = V
V.__add = function(a, b) return V.new(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return V.new(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) if type(b) == "number" then return V.new(a.x * b, a.y * b) end return a.x * b.x + a.y * b.y end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__lt = function(a, b) return a:len2() < b:len2() end
V.__le = function(a, b) return a:len2() <= b:len2() end
V.__tostring = function(v) return "(" .. v.x .. ", " .. v.y .. ")" end
V.__len = function(v) return 2 end
V.__unm = function(v) return V.new(-v.x, -v.y) end
V.__concat = function(a, b) return tostring(a) .. "|" .. tostring(b) end
V.__call = function(v, k) return v.x * k end
function V.new(x, y) return setmetatable({x = x, y = y}, V) end
function V:len2() return self.x * self.x + self.y * self.y end
local a, b = V.new(1, 2), V.new(3, 4)
print(tostring(a + b), tostring(a - b), a * b, tostring(a * 3), a == V.new(1, 2), a ~= b)
print(a < b, a <= b, a > b, #a, tostring(-a), a .. b, a .. "s", a(10))
local d = setmetatable({}, {__index = function(t, k) return k .. "!" end})
print(d.foo, d[1], rawget(d, "foo"))
local log = {}
local p = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v * 2) end})
p.a = 1; p.b = 2; p.a = 5; print(p.a, p.b, table.concat(log, ","))
local base = {greet = function() return "hi" end}
local derived = setmetatable({}, {__index = base})
local dd = setmetatable({}, {__index = derived})
print(dd.greet(), getmetatable(dd).__index == derived)
local prot = setmetatable({}, {__metatable = "locked"})
print(getmetatable(prot), pcall(setmetatable, prot, {}))
print(getmetatable("abc").__index == string, ("x"):rep(3))
local cnt = setmetatable({}, {__index = function(t, k) return 0 end})
for _, w in ipairs({"a", "b", "a", "c", "a"}) do cnt[w] = cnt[w] + 1 end
print(cnt.a, cnt.b, cnt.c, cnt.z)
local idiv = setmetatable({}, {__idiv = function() return "idiv" end, __mod = function() return "mod" end,
  __pow = function() return "pow" end, __band = function() return "band" end, __shl = function() return "shl" end,
  __bnot = function() return "bnot" end, __div = function() return "div" end})
print(idiv // 1, idiv % 1, idiv ^ 1, idiv & 1, idiv << 1, ~idiv, idiv / 2)
print(pcall(function() return {} + 1 end))
print(pcall(function() return {} < {} end))
local cl = setmetatable({}, {__close = function() print("closed") end})
do local x <close> = cl; print("in block") end
local c <const> = 5; print(c)
