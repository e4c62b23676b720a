# TypeError: wrong number of arguments to a function.
def area(width, height):
    return width * height


print(area(3, 4))
print(area(5))
