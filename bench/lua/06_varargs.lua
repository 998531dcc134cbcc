local function f(...) return select('#', ...), ... end
print(f()); print(f(nil)); print(f(1, nil, 3)); print(f(nil, nil))
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select('#'))
local function sum(...) local s = 0 for _, v in ipairs({...}) do s = s + v end return s end
print(sum(1, 2, 3, 4.5), sum())
local function pk(...) local t = table.pack(...) return t.n, t[1], t[t.n] end
print(pk(1, 2, nil))
local function tail(n, ...) if n == 0 then return ... end return tail(n - 1, n, ...) end
print(tail(5))
print((f(1, 2, 3)))
local function mr() return 1, 2, 3 end
print(mr(), mr()); print(({mr(), mr()})[4] == nil and "ok" or "?", #{mr(), mr()})
print(pcall(select, 0, 1))
print(string.format("%s-%s-%s", mr()))
local function va2(a, b, ...) local x, y = ... return a, b, x, y end
print(va2(1)); print(va2(1, 2, 3, 4, 5))
print(math.max(table.unpack({4, 9, 2})))
