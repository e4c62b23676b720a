try:
   x = 34

