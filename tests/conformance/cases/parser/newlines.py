# CRLF and lone CR line endings.
x = 1
if x:
    y = """a
b"""z = 2
print(x, y, z)
