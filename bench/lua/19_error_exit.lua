print("about to fail")
local function lvl3() error("uncaught failure") end
local function lvl2() lvl3() end
lvl2()
