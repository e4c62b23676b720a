# Subscript and binary-operator anchors with unusual spacing and parentheses.
xs = [1, 2, 3]
ys = (xs [ 1 ]   *   (xs[2]))
print(ys)
zs = ((xs[0] + xs[1])) // (xs[2] - 3)
