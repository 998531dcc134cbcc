local t = {10, 20, 30, nil, 50}
print(#{1, 2, 3}, #{}, #"abc", t[1], t[5], select('#', table.unpack({1, 2, 3})))
local a = {}
for i = 1, 10 do a[i] = i * i end
print(#a, a[10], table.concat(a, ","))
table.insert(a, 121); table.insert(a, 1, 0)
print(#a, a[1], a[12], table.remove(a), table.remove(a, 1), #a)
print(table.concat(a, " ", 2, 4), table.concat({}, "x"), table.concat({"a", "b"}))
local w = {"pear", "apple", "fig", "banana", "cherry", "date"}
table.sort(w); print(table.concat(w, " "))
table.sort(w, function(x, y) return #x < #y or (#x == #y and x < y) end); print(table.concat(w, " "))
local n = {5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 15, -3, 22, 11}
table.sort(n, function(x, y) return x > y end); print(table.concat(n, " "))
local h = {x = 1, y = 2, ["z w"] = 3, [1.0] = "one", [2] = "two"}
print(h.x, h["z w"], h[1], h[2], #h)
local keys = {}
for k in pairs(h) do keys[#keys + 1] = tostring(k) end
table.sort(keys); print(table.concat(keys, ","))
for i, v in ipairs({"a", "b", "c", nil, "e"}) do io.write(i, v, " ") end print()
print(table.unpack({1, 2, 3}, 2), table.pack(1, nil, 3).n, next({}), rawlen({1, 2}), rawequal(h, h))
local m = table.move({1, 2, 3, 4, 5}, 2, 4, 1); print(table.concat(m, ","))
local big = {}
for i = 1, 1000 do big[i] = (i * 7919) % 1000 end
table.sort(big); print(big[1], big[500], big[1000], #big)
local s = 0; for k, v in pairs(big) do s = s + v end; print(s)
local nested = {a = {b = {c = "deep"}}}; print(nested.a.b.c)
h.x = nil; print(h.x, next({}, nil))
print(pcall(table.insert, {}, 1, 2, 3))
local cnt = 0; local g = {}; for i = 1, 100 do g["k" .. i] = i end; for i = 1, 100, 2 do g["k" .. i] = nil end
for k, v in pairs(g) do cnt = cnt + v end; print(cnt)
