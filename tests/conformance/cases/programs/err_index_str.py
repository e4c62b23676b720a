# IndexError from a string index inside a function.
def last_char(s):
    return s[len(s)]


print(last_char(""))
