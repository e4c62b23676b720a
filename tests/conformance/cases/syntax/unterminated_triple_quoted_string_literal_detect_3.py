x = '''a
b
c
