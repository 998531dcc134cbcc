local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) local self = setmetatable({}, Animal); self.name = name; self.sound = sound; return self end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:__tostring() return "Animal(" .. self.name .. ")" end
Animal.__tostring = Animal.__tostring
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
Dog.__tostring = function(d) return "Dog(" .. d.name .. ", " .. d.tricks .. " tricks)" end
function Dog.new(name) local self = Animal.new(name, "woof"); self.tricks = 0; return setmetatable(self, Dog) end
function Dog:learn() self.tricks = self.tricks + 1; return self end
function Dog:speak() return Animal.speak(self) .. "!" end
local a = Animal.new("Cat", "meow"); local d = Dog.new("Rex")
print(a:speak(), d:speak(), tostring(a), tostring(d:learn():learn()))
print(getmetatable(d) == Dog, d.speak == Dog.speak, rawget(Dog, "new") ~= nil, d.name, d.missing)
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({items = {}, size = 0}, Stack) end
function Stack:push(...) for _, v in ipairs({...}) do self.size = self.size + 1; self.items[self.size] = v end end
function Stack:pop() if self.size == 0 then return nil, "empty" end local v = self.items[self.size]; self.items[self.size] = nil; self.size = self.size - 1; return v end
local s = Stack.new(); s:push(1, 2, 3)
print(s:pop(), s:pop(), s.size, s:pop(), s:pop())
local Account = {balance = 0}
function Account:new(o) o = o or {}; setmetatable(o, self); self.__index = self; return o end
function Account:deposit(v) self.balance = self.balance + v end
function Account:withdraw(v) if v > self.balance then error("insufficient funds") end self.balance = self.balance - v end
local acc = Account:new(); acc:deposit(100); acc:withdraw(30)
print(acc.balance, Account.balance, pcall(acc.withdraw, acc, 1000))
local Special = Account:new(); function Special:getLimit() return self.limit or 0 end
local sp = Special:new({limit = 500}); sp:deposit(10); print(sp.balance, sp:getLimit())
local objs = {}; for i = 1, 5 do objs[i] = Dog.new("d" .. i) end
table.sort(objs, function(x, y) return x.name > y.name end)
for _, o in ipairs(objs) do io.write(tostring(o), " ") end print()
