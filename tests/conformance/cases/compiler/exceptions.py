def risky(n):
    try:
        if n == 0:
            raise ValueError("zero")
        elif n == 1:
            raise KeyError(n)
        return 10 // n
    except ValueError as e:
        return str(e)
    except (KeyError, TypeError):
        return "key"
    else:
        pass
    finally:
        print("finally", n)


def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise
        except Exception as inner:
            return type(inner).__name__


def loop_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("cleanup", i)
    return i


def nested():
    try:
        try:
            raise RuntimeError("inner")
        finally:
            print("inner finally")
    except RuntimeError as e:
        print("caught", e)
    try:
        pass
    except:
        pass
    assert True, "never"
    try:
        raise OSError from None
    except OSError:
        return "done"


print(risky(0), risky(1), risky(5), reraise(), loop_finally(), nested())
