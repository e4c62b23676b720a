# Exception groups: try/except* with several handlers, re-raising the rest.
def run(exceptions):
    try:
        raise ExceptionGroup("group", exceptions)
    except* ValueError as eg:
        print("values", len(eg.exceptions))
    except* (TypeError, KeyError) as eg:
        print("types/keys", len(eg.exceptions))


run([ValueError(1), TypeError(2), ValueError(3)])
run([KeyError("k")])
try:
    run([OSError("left")])
except ExceptionGroup as rest:
    print("rest", rest.exceptions)
