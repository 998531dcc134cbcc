local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(27))
local t = {}; for i = 1, 300000 do t[i] = i * 2 end; local s = 0; for i = 1, #t do s = s + t[i] end; print(s)
local d = {}; for i = 1, 100000 do d[tostring(i)] = i end; local c = 0; for k, v in pairs(d) do c = c + v end; print(c)
local m = {}; for i = 1, 200 do m[i] = {} for j = 1, 200 do m[i][j] = (i * j) % 17 end end
local tot = 0; for i = 1, 200 do for j = 1, 200 do tot = tot + m[i][j] * m[j][i] end end; print(tot)
local f = 0.0; for i = 1, 1000000 do f = f + 1 / i end; print(string.format("%.10f", f))
