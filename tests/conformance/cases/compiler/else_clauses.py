def search(items, target):
    for i in items:
        if i == target:
            print("found", i)
            break
    else:
        print("not found")
    n = 0
    while n < len(items):
        if items[n] == target:
            break
        n += 1
    else:
        n = -1
    return n


print(search([1, 2, 3], 2), search([1, 2, 3], 5))
