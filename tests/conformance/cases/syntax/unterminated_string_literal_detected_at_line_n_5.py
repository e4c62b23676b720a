s = 'it's'
