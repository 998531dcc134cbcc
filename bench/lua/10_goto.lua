for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    io.write(i, ",", j, " ")
    ::continue::
  end
end
print()
local i = 1
::top::
if i <= 5 then io.write(i, " "); i = i + 1; goto top end
print()
do
  local k = 0
  ::again::
  k = k + 1
  if k < 10 then goto again end
  print("k", k)
end
for i = 1, 10 do
  for j = 1, 10 do
    if i * j == 42 then print("found", i, j); goto done end
  end
end
::done::
local r = {}
for i = 1, 3 do
  local x = i * 2
  r[#r + 1] = function() return x end
  if i == 2 then goto skip end
  x = x + 100
  ::skip::
end
print(r[1](), r[2](), r[3]())
print(load("goto nowhere"))
print(load("do local x ::l1:: end goto l1"))
local n = 0
while true do n = n + 1; if n > 3 then break end end print("n", n)
repeat local z = n; n = n - 1 until z <= 1 print("n", n)
