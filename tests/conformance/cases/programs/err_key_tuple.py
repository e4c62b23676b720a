# KeyError with a tuple key, shown with its repr.
board = {(0, 0): "x", (1, 1): "o"}
print(board[(0, 0)])
print(board[1, 2])
