# input() at the end of standard input raises EOFError.
print("asking")
answer = input("name? ")
print(answer)
