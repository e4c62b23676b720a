# Comparison operators and chains.
a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 == True, 1 < 2 <= 2 < 3)
print(c > b > a > 0, 3 >= 3 > 2, 5 != 5 != 4)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
print((1, 2) == (1, 2), (1, 2) < (1, 2, 3), (3,) > (2, 99), () == ())
print([1, 2] == [1, 2], [1, 2] != [2, 1], {"a": 1} == {"a": 1}, {"a": 1} == {"a": 2})
print("a" < "b" < "c", "b" < "a" < "c")
print(1 == 1.0, 0.1 + 0.2 == 0.3, 2 ** 60 == 2.0 ** 60, -0.0 == 0.0)
print((1, "a") < (1, "b"), [1, [2, 3]] < [1, [2, 4]])
x = 5
if 0 < x < 10:
    print("in range")
if not 0 < x < 3:
    print("not small")
print(None == 0, [] == (), "1" == 1, 1 != "1")
print(1 <= 1.0 <= True, 10 ** 30 < 10 ** 30 + 1)
print(range(3) == range(0, 3), range(0) == range(5, 2))
