/**
 * Private name mangling: inside `class C`, an identifier `__x` (not ending in `__`, no dot)
 * becomes `_C__x`, with the class name's leading underscores stripped; a class named only with
 * underscores mangles nothing. The symbol table and the code generator both mangle, so they
 * agree on the stored names.
 * CPython: Python/compile.c (_Py_Mangle).
 */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || name.charCodeAt(0) !== 95 || name.charCodeAt(1) !== 95) return name;
  if (name.endsWith('__') || name.includes('.')) return name;
  let i = 0;
  while (i < privateName.length && privateName.charCodeAt(i) === 95) i++;
  if (i === privateName.length) return name;
  return `_${privateName.slice(i)}${name}`;
}
