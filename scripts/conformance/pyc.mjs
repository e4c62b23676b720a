/**
 * Stage `pyc`: for every file CPython compiles,
 * 1. Bytescope's `compile(bytes, PATH, {mode: 'bytes'})` (or, with --compiler-only, `compileAst` of CPython's own AST)
 *    against CPython's `compile(bytes, PATH, 'exec', dont_inherit=True)`, every code object
 *    recursively, attribute by attribute (ATTRIBUTES; constants by type and value, floats by repr,
 *    nested code objects paired in co_consts order);
 * 2. Bytescope's `dumpPyc(code, {mtime, sourceSize})` (the source's int(st_mtime) and size) against
 *    the file `py_compile.compile(PATH, cfile=...)` wrote, byte for byte; the files that differ are
 *    put in categories (no code object, code objects differ, or marshal-level causes found at the
 *    first differing byte).
 * Files CPython rejects are compiled too, to check that Bytescope raises the same SyntaxError.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Clock, Tally, describeError, rejectedNote, relPath, timeLines } from './common.mjs';

export const ATTRIBUTES = [
  'co_code',
  'co_consts',
  'co_names',
  'co_varnames',
  'co_cellvars',
  'co_freevars',
  'co_flags',
  'co_stacksize',
  'co_argcount',
  'co_posonlyargcount',
  'co_kwonlyargcount',
  'co_nlocals',
  'co_firstlineno',
  'co_linetable',
  'co_exceptiontable',
  'co_name',
  'co_qualname',
];
/** A nested code object present on one side only (co_consts holds a different number of them). */
const NESTED_COUNT = 'nested code objects (count)';
const SURROGATES = 'str constant with adjacent lone surrogates (one astral character in a JS string)';

export function run({ root, flags, core, repr, goldens, cpython }) {
  const { compile, compileAst, dumpPyc, NotSupportedError, PySyntaxError } = core;
  const { manifest, out } = cpython;
  const quiet = flags.has('--quiet');
  const compilerOnly = flags.has('--compiler-only');
  const codeJson = makeCodeJson(core, repr);

  const compileClock = new Clock();
  const pycClock = new Clock();
  const byAttr = new Map(); // attribute -> {objects, files, example}
  const notSupported = new Tally();
  const failed = new Tally(); // other exceptions (SyntaxError, internal errors)
  const pycMismatch = new Tally();
  let identical = 0;
  let pycIdentical = 0;
  let pycCompared = 0;
  let codeObjects = 0;
  let surrogateFiles = 0; // differing files whose constants hold adjacent lone surrogates

  for (const entry of manifest.files) {
    const rel = relPath(root, entry.path);
    const source = new Uint8Array(readFileSync(entry.path));
    if (entry.skip) {
      failed.add(`skipped: ${entry.skip.split(':')[0]}`, rel);
      pycMismatch.add('not compared (CPython side not exportable)', rel);
      continue;
    }
    let code;
    try {
      if (compilerOnly) {
        const tree = goldens.astFromJson(JSON.parse(readFileSync(join(out, entry.ast_json), 'utf8')));
        code = compileClock.time(() => compileAst(tree, entry.path));
      } else code = compileClock.time(() => compile(source, entry.path, { mode: 'bytes' }));
    } catch (e) {
      if (e instanceof NotSupportedError) {
        notSupported.add(e.construct, `${rel}:${e.lineno}`);
        pycMismatch.add('no code object: NotSupportedError', rel);
      } else {
        const kind = e instanceof PySyntaxError ? `SyntaxError raised (CPython compiles)` : `internal error (${e?.name ?? 'thrown'})`;
        failed.add(kind, rel);
        pycMismatch.add(`no code object: ${kind}`, rel);
      }
      if (!quiet) console.log(`${rel}: raised ${describeError(e)}`);
      continue;
    }

    // 1. code objects
    const expected = JSON.parse(readFileSync(join(out, entry.code), 'utf8'));
    const diffs = [];
    codeObjects += compareCode(codeJson(code), expected, '', diffs);
    const fileAttrs = new Set();
    for (const d of diffs) {
      for (const a of d.attrs) {
        const t = byAttr.get(a) ?? { objects: 0, files: 0, example: `${rel}: ${d.where}` };
        t.objects++;
        if (!fileAttrs.has(a)) t.files++;
        fileAttrs.add(a);
        byAttr.set(a, t);
      }
    }
    if (diffs.length === 0) identical++;
    else {
      if (entry.surrogate_pairs) surrogateFiles++;
      if (!quiet) {
        const first = diffs[0];
        const note = entry.surrogate_pairs ? ' [holds a str constant with adjacent lone surrogates]' : '';
        console.log(`${rel}: ${diffs.length} code object(s) differ; first ${first.where}: ${first.attrs.join(', ')}${first.detail ? ` (${first.detail})` : ''}${note}`);
      }
    }

    // 2. .pyc bytes
    if (!entry.pyc) {
      pycMismatch.add(`py_compile failed: ${entry.pyc_error}`, rel);
      continue;
    }
    pycCompared++;
    const st = statSync(entry.path, { bigint: true });
    const mtime = Number(st.mtimeNs / 1000000000n);
    let ours;
    try {
      ours = pycClock.time(() => dumpPyc(code, { mtime, sourceSize: Number(st.size) }));
    } catch (e) {
      pycMismatch.add(`dumpPyc raised ${e?.name ?? 'error'}`, `${rel}: ${describeError(e)}`);
      continue;
    }
    const theirs = new Uint8Array(readFileSync(join(out, entry.pyc)));
    if (equalBytes(ours, theirs)) pycIdentical++;
    else if (entry.surrogate_pairs) pycMismatch.add(SURROGATES, rel);
    else if (diffs.length) pycMismatch.add(`code objects differ (first: ${diffs[0].attrs[0]})`, rel);
    else pycMismatch.add(`code objects equal, marshal differs: ${marshalCategory(ours, theirs)}`, `${rel} ${firstByteNote(ours, theirs)}`);
  }

  const total = manifest.files.length;
  console.log('');
  console.log(`code objects: ${identical}/${total} files identical${rejectedNote(manifest, 'compile()')}` + ` (${codeObjects} code objects compared)`);
  if (surrogateFiles) console.log(`  (${surrogateFiles} of the differing files hold a str constant with adjacent lone surrogates)`);
  if (byAttr.size) {
    console.log('mismatches by attribute:  code objects  files  attribute   example');
    for (const a of [...ATTRIBUTES, NESTED_COUNT]) {
      const t = byAttr.get(a);
      if (t) console.log(`  ${String(t.objects).padStart(22)}  ${String(t.files).padStart(5)}  ${a}   e.g. ${t.example}`);
    }
  }
  if (notSupported.size) console.log([`NotSupportedError (${notSupported.total()} files), by construct:`, ...notSupported.lines()].join('\n'));
  if (failed.size) console.log(['other failures:', ...failed.lines()].join('\n'));
  console.log(`.pyc: ${pycIdentical}/${total} byte-identical to py_compile's (${pycCompared} compared)`);
  if (pycMismatch.size) console.log(['.pyc not identical, by cause:', ...pycMismatch.lines()].join('\n'));
  if (!compilerOnly) reportRejected(manifest, root, compile, PySyntaxError, quiet);
  const what = compilerOnly ? 'compile time (Bytescope: compileAst of CPython\'s AST; CPython: compile() of the source)' : 'compile time (source -> code)';
  console.log(timeLines(what, compileClock, manifest.compile, 'CPython compile()'));
  console.log(
    `(dumpPyc took Bytescope ${pycClock.wall.toFixed(2)} s; py_compile.compile, which reads, compiles again, marshals and writes, ` +
      `${manifest.py_compile.wall.toFixed(2)} s)`,
  );
}

/** Our code object in cpython.py's JSON form (capture-cpython.py's code_json, floats by repr). */
function makeCodeJson(core, repr) {
  const { None, Ellipsis, PyFloat, PyComplex, PyBytes, PyTuple, PyFrozenSet, CodeObject } = core;
  const hex = (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
  const constJson = (v) => {
    if (v === None) return { None: null };
    if (v === Ellipsis) return { Ellipsis: null };
    if (typeof v === 'boolean') return { bool: v };
    if (typeof v === 'number' || typeof v === 'bigint') return { int: v.toString() };
    if (typeof v === 'string') return { str: v };
    if (v instanceof PyFloat) return { float: repr.floatRepr(v.value) };
    if (v instanceof PyComplex) return { complex: [repr.floatRepr(v.real), repr.floatRepr(v.imag)] };
    if (v instanceof PyBytes) return { bytes: hex(v.bytes) };
    if (v instanceof PyTuple) return { tuple: v.items.map(constJson) };
    if (v instanceof PyFrozenSet) return { frozenset: v.items.map(constJson) };
    if (v instanceof CodeObject) return { code: codeJson(v) };
    return { unexpected: String(v) };
  };
  const codeJson = (c) => ({
    co_name: c.co_name,
    co_qualname: c.co_qualname,
    co_firstlineno: c.co_firstlineno,
    co_argcount: c.co_argcount,
    co_posonlyargcount: c.co_posonlyargcount,
    co_kwonlyargcount: c.co_kwonlyargcount,
    co_nlocals: c.co_nlocals,
    co_stacksize: c.co_stacksize,
    co_flags: c.co_flags,
    co_code: hex(c.co_code),
    co_consts: c.co_consts.map(constJson),
    co_names: [...c.co_names],
    co_varnames: [...c.co_varnames],
    co_cellvars: [...c.co_cellvars],
    co_freevars: [...c.co_freevars],
    co_linetable: hex(c.co_linetable),
    co_exceptiontable: hex(c.co_exceptiontable),
  });
  return codeJson;
}

/** A constant for comparison: code objects stand for themselves (compared separately), sets sorted. */
function constKey(c) {
  if ('code' in c) return { code: null };
  if ('tuple' in c) return { tuple: c.tuple.map(constKey) };
  if ('frozenset' in c) return { frozenset: c.frozenset.map((x) => JSON.stringify(constKey(x))).sort() };
  return c;
}

/**
 * Compares two code JSONs recursively; pushes {where, attrs, detail} for each differing code object.
 * Returns how many code objects were compared.
 */
function compareCode(ours, theirs, prefix, diffs) {
  const where = `${prefix}${theirs.co_qualname}`;
  const attrs = [];
  let detail = '';
  for (const a of ATTRIBUTES) {
    const x = a === 'co_consts' ? JSON.stringify(ours.co_consts.map(constKey)) : JSON.stringify(ours[a]);
    const y = a === 'co_consts' ? JSON.stringify(theirs.co_consts.map(constKey)) : JSON.stringify(theirs[a]);
    if (x !== y) {
      attrs.push(a);
      if (!detail) detail = valueDifference(a, ours[a], theirs[a]);
    }
  }
  const oursCode = ours.co_consts.filter((c) => 'code' in c);
  const theirsCode = theirs.co_consts.filter((c) => 'code' in c);
  if (oursCode.length !== theirsCode.length) attrs.push(NESTED_COUNT);
  if (attrs.length) diffs.push({ where, attrs, detail });
  let n = 1;
  for (let i = 0; i < Math.min(oursCode.length, theirsCode.length); i++) {
    n += compareCode(oursCode[i].code, theirsCode[i].code, `${where} > `, diffs);
  }
  return n;
}

/** A short description of how one attribute differs. */
function valueDifference(attr, ours, theirs) {
  if (typeof ours === 'string' && typeof theirs === 'string' && /^[0-9a-f]*$/.test(ours + theirs) && attr !== 'co_name' && attr !== 'co_qualname') {
    let i = 0;
    while (i < ours.length && ours.slice(i, i + 2) === theirs.slice(i, i + 2)) i += 2;
    return `byte ${i / 2}: ours ${ours.slice(i, i + 8) || '(end)'}, CPython ${theirs.slice(i, i + 8) || '(end)'}`;
  }
  const s = (v) => {
    const t = JSON.stringify(attr === 'co_consts' ? v.map(constKey) : v);
    return t.length > 120 ? t.slice(0, 117) + '...' : t;
  };
  return `ours ${s(ours)}, CPython ${s(theirs)}`;
}

function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function firstDiff(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const TYPE_NAMES = {
  N: 'None', F: 'False', T: 'True', '.': 'Ellipsis', i: 'int32', l: 'long', g: 'float', y: 'complex', s: 'bytes',
  '(': 'tuple', ')': 'small tuple', '>': 'frozenset', '<': 'set', c: 'code', u: 'str', t: 'interned str',
  a: 'ascii str', A: 'interned ascii str', z: 'short ascii str', Z: 'interned short ascii str', r: 'ref',
};
const typeName = (byte) => {
  const ch = String.fromCharCode(byte & 0x7f);
  return `'${ch}' ${TYPE_NAMES[ch] ?? '?'}`;
};

/** Where and why two .pyc files holding equal code objects first differ. */
function marshalCategory(ours, theirs) {
  const i = firstDiff(ours, theirs);
  if (i < 16) return 'header';
  if (i === ours.length || i === theirs.length) return 'one file is a prefix of the other';
  const a = ours[i];
  const b = theirs[i];
  if ((a ^ b) === 0x80) return `FLAG_REF set by ${b & 0x80 ? 'CPython' : 'Bytescope'} only, on ${typeName(a)}`;
  if ((a & 0x7f) === 0x72 || (b & 0x7f) === 0x72) {
    return `back-reference on one side only (Bytescope ${typeName(a)}, CPython ${typeName(b)})`;
  }
  for (let k = 1; k <= 4; k++) {
    if (i - k >= 16 && (ours[i - k] & 0x7f) === 0x72 && (theirs[i - k] & 0x7f) === 0x72) return 'back-reference index';
  }
  return 'other bytes';
}

function firstByteNote(ours, theirs) {
  const i = firstDiff(ours, theirs);
  const show = (b) => Buffer.from(b.subarray(Math.max(16, i - 4), i + 8)).toString('hex');
  return `(byte ${i}: Bytescope ...${show(ours)}, CPython ...${show(theirs)})`;
}

/** The files CPython's compile() rejects: does Bytescope raise the same SyntaxError? */
function reportRejected(manifest, root, compile, PySyntaxError, quiet) {
  if (!manifest.rejected.length) return;
  const outcomes = new Tally();
  const add = (category, example) => {
    outcomes.add(category, example);
    if (!quiet && !category.startsWith('same')) console.log(`  ${category}: ${example}`);
  };
  for (const r of manifest.rejected) {
    const rel = relPath(root, r.path);
    const e = r.error;
    try {
      compile(new Uint8Array(readFileSync(r.path)), r.path, { mode: 'bytes' });
      add('Bytescope compiles it', `${rel}: CPython ${e.type}: ${e.msg}`);
    } catch (err) {
      if (err instanceof PySyntaxError) {
        const same = err.msg === e.msg && err.lineno === e.lineno && err.offset === e.offset;
        add(same ? 'same SyntaxError (msg, lineno, offset)' : 'different SyntaxError', same ? rel : `${rel}: ours ${describeError(err)}, CPython ${e.msg} (line ${e.lineno}, offset ${e.offset})`);
      } else add(`Bytescope raises ${err?.name ?? 'error'}`, `${rel}: ${describeError(err)}`);
    }
  }
  console.log([`files CPython's compile() rejects (${manifest.rejected.length}), Bytescope's outcome:`, ...outcomes.lines()].join('\n'));
}
