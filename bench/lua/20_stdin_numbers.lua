local total, count = 0, 0
local words = {}
for line in io.lines() do
  count = count + 1
  for w in line:gmatch("%S+") do
    local n = tonumber(w)
    if n then total = total + n else words[#words + 1] = w end
  end
end
print(count, total, #words, table.concat(words, "/"))
