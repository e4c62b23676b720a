try:
  pass
except*:
  pass