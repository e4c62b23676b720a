# NameError inside a function: the hint comes from its locals.
def summarize(values):
    total = 0
    for v in values:
        total += v
    return totl / len(values)


print(summarize([1, 2, 3]))
