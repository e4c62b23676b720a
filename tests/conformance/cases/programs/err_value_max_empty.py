# ValueError: max() of an empty sequence.
scores = []
print(len(scores))
print(max(scores))
