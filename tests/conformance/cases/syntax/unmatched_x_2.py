print(1)) 
