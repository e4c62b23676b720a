if x:
	pass
  pass
