# TypeError: multiplying a sequence by a float.
line = "-" * 10
print(line)
print("=" * 2.5)
