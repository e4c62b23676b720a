# Only comments

   # and blank lines

