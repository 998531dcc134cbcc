local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n end
local a = {}; for i = 1, 5000 do a[i] = rnd(100000) end
table.sort(a); local ok = true; for i = 2, #a do if a[i-1] > a[i] then ok = false end end; print(ok, a[1], a[2500], a[5000])
local s = {}; for i = 1, 2000 do s[i] = tostring(rnd(1000000)) end; table.sort(s); print(s[1], s[1000], s[2000])
print(pcall(table.sort, {3, 1, 2}, function(x, y) return true end))
local f = {}; for i = 1, 1000 do f[i] = rnd(1000) / 7 end; table.sort(f, function(x, y) return x > y end); print(string.format("%.6f %.6f", f[1], f[1000]))
local words = {}; for w in ("the quick brown fox jumps over the lazy dog again and again"):gmatch("%a+") do words[#words+1] = w end
local freq = {}; for _, w in ipairs(words) do freq[w] = (freq[w] or 0) + 1 end
local ks = {}; for k in pairs(freq) do ks[#ks + 1] = k end
table.sort(ks, function(x, y) if freq[x] ~= freq[y] then return freq[x] > freq[y] end return x < y end)
for _, k in ipairs(ks) do io.write(k, "=", freq[k], " ") end print()
math.randomseed(42); local r1 = {math.random(100), math.random(100), math.random()}; math.randomseed(42)
print(r1[1] == math.random(100), r1[2] == math.random(100), r1[3] == math.random())
