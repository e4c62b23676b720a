# Carets under a line with non-ASCII text before the failing expression.
prices = {"café": 3, "thé": 2}
label = "prix à payer: "
print(label, prices["café"] + prices["thé"])
print(label, prices["café"] + prices["chocolat"])
