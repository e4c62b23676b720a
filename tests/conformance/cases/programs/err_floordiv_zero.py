# Integer floor division by zero, with caret anchors around a parenthesised operand.
values = [10, 20, 30]
count = 0
print("before")
average = (values[0] + values[1]) // count
print(average)
