# KeyError with a string key.
ages = {"ann": 31, "bob": 27}
print(ages["ann"])
print(ages["carl"])
