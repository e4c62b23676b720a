# SystemExit leaves quietly with its code.
def finish(code):
    print("finishing with", code)
    raise SystemExit(code)


try:
    finish("caught")
except SystemExit as e:
    print("caught", repr(e), e.args)
finish(3)
