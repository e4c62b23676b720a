# try/except/else/finally, raise ... from, bare raise, handlers in loops, return in finally.
def classify(value):
    try:
        result = 10 // value
    except ZeroDivisionError:
        return "zero"
    except (TypeError, ValueError) as err:
        return "bad: " + type(err).__name__
    else:
        return result
    finally:
        print("checked", value)


def reraise(value):
    try:
        int(value)
    except ValueError as exc:
        raise RuntimeError("wrapped") from exc


def loop_with_handlers(items):
    total = 0
    for item in items:
        try:
            if item is None:
                continue
            if item < 0:
                break
            total += item
        except TypeError:
            total -= 1
        finally:
            total += 100
    return total


def finally_returns():
    try:
        return 1
    finally:
        print("finally")


def nested():
    try:
        try:
            raise KeyError("k")
        except KeyError:
            raise
    except Exception as e:
        return repr(e)


def bare_except():
    try:
        raise ValueError
    except:
        return "caught"


print(classify(2), classify(0), classify("x"))
try:
    reraise("x")
except RuntimeError as e:
    print(e, repr(e.__cause__))
print(loop_with_handlers([1, None, "a", 2, -1, 5]), finally_returns(), nested(), bare_except())
assert classify(5) == 2, "classify"
