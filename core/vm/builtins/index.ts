import { PyDict } from '../../objects/dict.js';
import { builtinExceptions } from '../../objects/exceptions.js';
import { PyBuiltinFunction } from '../../objects/function.js';
import {
  PyType,
  TypeType,
  boolType,
  bytesType,
  complexType,
  dictType,
  floatType,
  frozensetType,
  intType,
  listType,
  objectType,
  rangeType,
  sliceType,
  strType,
  tupleType,
} from '../../objects/types.js';
import { NotImplemented } from '../../objects/types.js';
import { Ellipsis, None, type PyValue } from '../../objects/values.js';
import { NotSupportedError } from '../../source/errors.js';
import { input, makeQuitter, print } from './io.js';
import { abs, bin, chr, divmod, hashBuiltin, hex, max, min, oct, ord, pow, round, sum } from './numeric.js';
import { all, any, enumerate, filter, iter, len, map, nextBuiltin, reversed, sorted, zip } from './iteration.js';
import { ascii, callable, format, id, isinstance, issubclass, reprBuiltin } from './introspection.js';

/**
 * The builtins namespace, in the order of CPython's builtins module dict (which NameError's
 * "Did you mean" hints walk). Every name CPython has is present: the ones Bytescope does not
 * implement are placeholders that raise NotSupportedError when called, so a program using them
 * is told so instead of getting a NameError CPython would not raise.
 * CPython: Python/bltinmodule.c (_PyBuiltin_Init), Lib/site.py (exit, quit, help...).
 */

function unsupportedFunction(name: string): PyBuiltinFunction {
  return new PyBuiltinFunction(name, () => {
    throw new NotSupportedError(`builtin ${name}()`, 0);
  });
}

function unsupportedType(name: string, base: PyType = objectType): PyType {
  const t = new PyType(name, base);
  t.tp_new = () => {
    throw new NotSupportedError(`builtin ${name}()`, 0);
  };
  return t;
}

for (const t of [bytesType, complexType, frozensetType]) {
  t.tp_new = () => {
    throw new NotSupportedError(`builtin ${t.name}()`, 0);
  };
}

/** A fresh builtins dict (each run gets its own, so a program rebinding a builtin affects only itself). */
export function makeBuiltins(): PyDict {
  const b = new PyDict();
  const fn = (f: PyBuiltinFunction): void => b.setStr(f.name, f);
  const un = (name: string): void => b.setStr(name, unsupportedFunction(name));
  b.setStr('__name__', 'builtins');
  b.setStr('__doc__', None);
  b.setStr('__package__', '');
  un('__loader__');
  b.setStr('__spec__', None);
  un('__build_class__');
  un('__import__');
  fn(abs);
  fn(all);
  fn(any);
  fn(ascii);
  fn(bin);
  un('breakpoint');
  fn(callable);
  fn(chr);
  un('compile');
  un('delattr');
  un('dir');
  fn(divmod);
  un('eval');
  un('exec');
  fn(format);
  un('getattr');
  un('globals');
  un('hasattr');
  fn(hashBuiltin);
  fn(hex);
  fn(id);
  fn(input);
  fn(isinstance);
  fn(issubclass);
  fn(iter);
  un('aiter');
  fn(len);
  un('locals');
  fn(max);
  fn(min);
  fn(nextBuiltin);
  un('anext');
  fn(oct);
  fn(ord);
  fn(pow);
  fn(print);
  fn(reprBuiltin);
  fn(round);
  un('setattr');
  fn(sorted);
  fn(sum);
  un('vars');
  b.setStr('None', None);
  b.setStr('Ellipsis', Ellipsis);
  b.setStr('NotImplemented', NotImplemented);
  b.setStr('False', false);
  b.setStr('True', true);
  b.setStr('bool', boolType);
  b.setStr('memoryview', unsupportedType('memoryview'));
  b.setStr('bytearray', unsupportedType('bytearray'));
  b.setStr('bytes', bytesType);
  b.setStr('classmethod', unsupportedType('classmethod'));
  b.setStr('complex', complexType);
  b.setStr('dict', dictType);
  b.setStr('enumerate', enumerate);
  b.setStr('filter', filter);
  b.setStr('float', floatType);
  b.setStr('frozenset', frozensetType);
  b.setStr('property', unsupportedType('property'));
  b.setStr('int', intType);
  b.setStr('list', listType);
  b.setStr('map', map);
  b.setStr('object', objectType);
  b.setStr('range', rangeType);
  b.setStr('reversed', reversed);
  b.setStr('set', unsupportedType('set'));
  b.setStr('slice', sliceType);
  b.setStr('staticmethod', unsupportedType('staticmethod'));
  b.setStr('str', strType);
  b.setStr('super', unsupportedType('super'));
  b.setStr('tuple', tupleType);
  b.setStr('type', TypeType);
  b.setStr('zip', zip);
  b.setStr('__debug__', true);
  for (const [name, t] of builtinExceptions) b.setStr(name, t as PyValue);
  b.setStr('EnvironmentError', builtinExceptions.get('OSError')!);
  b.setStr('IOError', builtinExceptions.get('OSError')!);
  un('open');
  b.setStr('quit', makeQuitter('quit'));
  b.setStr('exit', makeQuitter('exit'));
  for (const name of ['copyright', 'credits', 'license', 'help']) un(name);
  return b;
}
