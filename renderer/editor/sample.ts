/** The program the editor opens with: a function call, a loop and a list, in the skeleton's subset of Python. */
export const SAMPLE_PROGRAM = `def square(n):
    return n * n


squares = []
total = 0
for i in range(4):
    squares = squares + [square(i)]
    total += squares[-1]
print("squares:", squares)
print("total:", total)
`;
