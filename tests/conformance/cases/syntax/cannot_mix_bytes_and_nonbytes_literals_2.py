rb'\x' 'a'
