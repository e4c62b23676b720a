import asyncio


async def fetch(x):
    await asyncio.sleep(0)
    return x * 2


async def agen(n):
    for i in range(n):
        yield i


class ACtx:
    async def __aenter__(self):
        return "ctx"

    async def __aexit__(self, *exc):
        return False


async def main():
    results = [await fetch(i) for i in range(3)]
    async for v in agen(2):
        results.append(v)
    async with ACtx() as c:
        results.append(c)
    results += [v async for v in agen(2)]
    return results


print(asyncio.run(main()))
