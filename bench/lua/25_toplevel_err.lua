io.write("partial ")
error(setmetatable({}, {__tostring = function() return "object error" end}))
