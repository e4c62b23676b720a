# TypeError: str concatenation with an int.
name = "Ada"
age = 36
message = "Name: " + name + ", age: " + age
print(message)
