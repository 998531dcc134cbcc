local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
for i = 0, 25, 5 do io.write(fib(i), " ") end print()
local function fibm(n) local a, b = 0, 1 for _ = 1, n do a, b = b, a + b end return a end
print(fibm(90), fibm(92), fibm(93), fibm(100))
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(20), fact(21), fact(25.0))
local function ack(m, n) if m == 0 then return n + 1 elseif n == 0 then return ack(m - 1, 1) end return ack(m - 1, ack(m, n - 1)) end
print(ack(2, 3), ack(3, 3))
local function hanoi(n, a, b, c) if n == 0 then return 0 end return hanoi(n - 1, a, c, b) + 1 + hanoi(n - 1, c, b, a) end
print(hanoi(15, "A", "B", "C"))
local primes = {}
local sieve = {}
for i = 2, 200 do if not sieve[i] then primes[#primes + 1] = i; for j = i * i, 200, i do sieve[j] = true end end end
print(#primes, table.concat(primes, " ", 1, 15))
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
print(gcd(1071, 462), gcd(2^40, 6^10))
local collatz = 0; local n = 27; while n ~= 1 do n = (n % 2 == 0) and n // 2 or 3 * n + 1; collatz = collatz + 1 end
print(collatz)
local h = 0; for i = 1, 100000 do h = (h * 31 + i) % 1000000007 end; print(h)
local x = 0; for i = 1, 200000 do x = x ~ (i * 2654435761) end; print(x)
