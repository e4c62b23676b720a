with x as (a, b + 1): pass
