lambda a,*b=3,c: None
