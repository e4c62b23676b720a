# Layout: comments, blank lines, semicolons, backslash continuations, implicit joining,
# tabs and form feeds in indentation, deep nesting, non-ASCII identifiers and strings.
x = 1; y = 2; z = 3;
total = x + \
    y + \
        z
values = [
    1,   # one

    2,
    # a comment line
    3
]
call = max(1,
           2)
if x:
	a = 1
	if y:
		b = 2
else:
	pass
def f():
    """Docstring
    over lines."""


    return 1


class C:

    pass

naïve = 1
ＡＢＣ = 2  # full-width letters normalise (NFKC) to ABC
ℌ = 3
café, δ = "ünïcödé", "λ"
print(naïve, ABC, H, café + δ, "東京" + "🐍", f"{café}é")
while False: pass
for i in []: pass
if True: x = 1; y = 2
