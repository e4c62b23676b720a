# Methods of list, str and dict.
xs = [3, 1, 2]
xs.append(5)
xs.extend([9, 0])
xs.insert(1, 7)
print(xs, xs.pop(), xs.pop(0), xs.index(2), xs.count(1))
xs.remove(7)
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
xs.reverse()
print(xs, xs.copy() == xs, xs.copy() is xs)
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower))
s = "  Hello, World  "
print(s.strip(), s.lower(), s.upper(), s.lstrip(), s.rstrip() + "|")
print("a,b,,c".split(","), "a b  c".split(), "a-b-c".split("-", 1), "x".join(["1", "2", "3"]))
print("hello".replace("l", "L"), "hello".find("l"), "hello".rfind("l"), "hello".count("l"))
print("hello".startswith("he"), "hello".endswith("lo"), "Title case words".title(), "abc".capitalize())
print("42".isdigit(), "abc".isalpha(), "a1".isalnum(), "  ".isspace(), "ABC".isupper(), "abc".islower())
print("x".center(5, "*"), "x".ljust(3, "-"), "x".rjust(3, "-"), "7".zfill(3), "a=b".partition("="))
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
d.update({"c": 3}, d=4)
print(d, d.pop("a"), d.setdefault("e", 5), d)
for k, v in d.items():
    print(k, v, end="; ")
print()
print(d.popitem(), len(d), "b" in d.keys(), 2 in d.values())
