# List-heavy loops: the sieve of Eratosthenes, then prime gaps counted in a list.


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for m in range(i * i, n + 1, i):
                flags[m] = False
        i += 1
    return [k for k in range(n + 1) if flags[k]]


primes = sieve(4000000)
print(len(primes), primes[-1])
gaps = [0] * 200
prev = 2
for p in primes[1:]:
    gaps[p - prev] += 1
    prev = p
print([(g, c) for g, c in enumerate(gaps) if c][:12])
