# TypeError: subscripting an int.
data = 12345
digits = str(data)
print(digits[0])
print(data[0])
