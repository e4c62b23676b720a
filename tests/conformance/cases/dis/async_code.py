# async def, await, async for, async with, async generators and comprehensions.
import asyncio


class Resource:
    async def __aenter__(self):
        return "res"

    async def __aexit__(self, *exc):
        return False


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def consume():
    total = 0
    async for value in ticker(4):
        total += value
    async with Resource() as r:
        name = r
    squares = [v * v async for v in ticker(3)]
    awaited = [await asyncio.sleep(0, x) for x in range(2)]
    return total, name, squares, awaited


async def main():
    result = await consume()
    print(result)


asyncio.run(main())
