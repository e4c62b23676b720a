# No newline at the end of the file.
x = 1
if x:
    y = 2