"hello" = x
