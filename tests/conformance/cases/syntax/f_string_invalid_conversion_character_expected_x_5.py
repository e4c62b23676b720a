print(f"{x!r:>{10}}")
print(f'{x!}')
