b'a' f'{x}'
