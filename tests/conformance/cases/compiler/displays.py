a, b = 1, 2
l0 = []
l1 = [a]
l2 = [a, b]
l3 = [1, 2, 3]
l4 = [1, 2, a]
l5 = [a, *l3, b]
l6 = [*l3]
t0 = ()
t1 = (a,)
t2 = (a, b)
t3 = (1, 2, 3)
t4 = (a, *l3)
t5 = (*l3, *l4)
d0 = {}
d1 = {"a": a}
d2 = {"a": 1, "b": 2}
d3 = {a: 1, b: 2}
d4 = {"x": 1, **d2, "y": 2}
d5 = {**d2}
s0 = {a}
s1 = {1, 2, 3}
s2 = {a, *l3}
nested = [[1, 2], (3, 4), {"k": [5]}]
print(l0, l1, l2, l3, l4, l5, l6, t0, t1, t2, t3, t4, t5, d0, d1, d2, d3, d4, d5, s0, s1, s2, nested)
print(1 in [1, 2, 3], a in [a, b], a not in {1, 2}, a in (a, b), 3 in {a, b})
