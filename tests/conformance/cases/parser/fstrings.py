# f-strings: conversions, format specs (nested), self-documenting '=', quotes, concatenation.
x, y, width, prec = 3.14159, 'text', 10, 3
name = 'world'
print(f'hello {name}', F"{x}", f'{x!r} {y!s} {y!a}')
print(f'{x:.2f}', f'{x:{width}.{prec}}', f'{y:>{width}}', f'{x:{"+"}}')
print(f'{x=}', f'{x = }', f'{x=!s}', f'{x=:.1f}', f'{ x }', f'{x!r:^20}')
print(f'{{literal}} {{{name}}}', f'}}{{', f'{name}{{')
print(f'{"quoted"}', f"{'single'}", f'''{"a" 'b'}''', f"""{'''tri'''}""")
print(f'{3+4}', f'{[1, 2][0]}', f'{ {"k": 1}["k"] }', f'{(lambda: 5)()}', f'{name.upper()}')
print(f'{x if x else y}', f'{x:{"<" if x else ">"}10}', f'{ (1, 2) }', f'{1, 2}')
print('plain' f'{name}' 'tail', f'a' f'b', f'' '', f'{name}' r'\n')
print(rf'\d{name}', fr'{name}\t', Rf'{x}', fR"{y}")
print(f'''multi
{name}
line {x
}''')
print(f'{x!r:>{width}.{prec}}', f'{"nested {braces}"}', f'{name:{width}}')
print(f'{"é"}é{name}', f'ü{x:.1f}ß')
