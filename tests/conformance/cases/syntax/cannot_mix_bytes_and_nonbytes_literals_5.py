x = 'ab' b'c'
