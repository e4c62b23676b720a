# Control flow: if/elif/else, loops with else, break/continue, try forms, raise, assert, with.
import contextlib

for i in range(5):
    if i == 0:
        continue
    elif i == 1:
        pass
    elif i == 4:
        break
    else:
        print('i', i)
else:
    print('no break')

n = 3
while n:
    n -= 1
    if n == 10:
        break
else:
    print('while done')

try:
    raise ValueError('boom')
except ValueError as exc:
    print('caught', exc)
except (TypeError, KeyError):
    pass
except Exception:
    raise
else:
    print('no exception')
finally:
    print('finally')

try:
    pass
finally:
    pass

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError:
    print('chained')

try:
    raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print('values', len(eg.exceptions))
except* TypeError:
    print('types')

assert n == 0
assert n == 0, 'message'

with contextlib.nullcontext() as ctx:
    pass
with contextlib.nullcontext(1) as a, contextlib.nullcontext(2) as b:
    print(a, b)
with (contextlib.nullcontext() as a, contextlib.nullcontext()):
    pass
with (contextlib.nullcontext(),):
    pass
with (contextlib.nullcontext()) as c:
    pass
with contextlib.nullcontext(), contextlib.nullcontext():
    pass

def gen():
    if True: return
    raise
