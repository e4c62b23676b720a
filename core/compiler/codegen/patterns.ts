import type * as ast from '../../ast/nodes.generated.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import { None, PyTuple, type PyValue } from '../../objects/values.js';
import { constRepr, strRepr } from '../../objects/repr.js';
import { assertNever } from '../../source/errors.js';
import { constEquals } from '../ast-opt/const-ops.js';
import { PseudoOp, type BasicBlock } from '../ir.js';
import { addCompare, addopBinary, visitExpr } from './expressions.js';
import { compilerJumpIf } from './jumps.js';
import { checkForbiddenName, nameop } from './scopes.js';
import { visitStmts } from './statements.js';
import { addop, addopI, addopJ, compilerError, loadConst, newBlockIn, setLoc, unsetLoc, useNextBlock, type Compiler } from './unit.js';

/**
 * Code generation for `match` statements (PEP 634). Each pattern consumes the subject on top
 * of the stack; captured values stay on the stack (under whatever the pattern is still using)
 * until the whole case matched, then are stored. A failed test jumps to the fail_pop block that
 * pops exactly what is on the stack at that point.
 * CPython: Python/compile.c (compiler_match, compiler_pattern_*, pattern_helper_*), 3.11.
 */

interface PatternContext {
  /** Names captured so far, in stack order. */
  stores: string[];
  /** Whether an irrefutable pattern is allowed here. */
  allowIrrefutable: boolean;
  /** failPop[i] pops i items and falls through to failPop[i - 1]. */
  failPop: BasicBlock[];
  /** Items on top of the stack that must stay there (stores go beneath them). */
  onTop: number;
}

function isWildcard(p: ast.pattern): boolean {
  return p._type === 'MatchAs' && p.pattern === null && p.name === null;
}

function isStarWildcard(p: ast.pattern): boolean {
  return p._type === 'MatchStar' && p.name === null;
}

function ensureFailPop(c: Compiler, pc: PatternContext, n: number): void {
  while (pc.failPop.length < n + 1) pc.failPop.push(newBlockIn(c));
}

/** Jumps (with `op`) to the block popping everything this pattern has on the stack. */
function jumpToFailPop(c: Compiler, pc: PatternContext, op: number): void {
  const pops = pc.onTop + pc.stores.length;
  ensureFailPop(c, pc, pops);
  addopJ(c, op, pc.failPop[pops]);
}

function emitAndResetFailPop(c: Compiler, pc: PatternContext): void {
  if (!pc.failPop.length) return;
  for (let i = pc.failPop.length - 1; i > 0; i--) {
    useNextBlock(c, pc.failPop[i]);
    addop(c, Opcode.POP_TOP);
  }
  useNextBlock(c, pc.failPop[0]);
  pc.failPop = [];
}

/** The effect of 3.10's ROT_N with SWAPs. */
function rotate(c: Compiler, count: number): void {
  while (count > 1) addopI(c, Opcode.SWAP, count--);
}

function storeName(c: Compiler, name: string | null, pc: PatternContext): void {
  if (name === null) {
    addop(c, Opcode.POP_TOP);
    return;
  }
  checkForbiddenName(c, name, 'Store');
  if (pc.stores.includes(name)) compilerError(c, `multiple assignments to name ${strRepr(name)} in pattern`);
  // Rotate the value under the items that must stay on top.
  rotate(c, pc.onTop + pc.stores.length + 1);
  pc.stores.push(name);
}

function unpackHelper(c: Compiler, elts: ast.pattern[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    if (elts[i]._type === 'MatchStar' && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) compilerError(c, 'too many expressions in star-unpacking sequence pattern');
      addopI(c, Opcode.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elts[i]._type === 'MatchStar') {
      compilerError(c, 'multiple starred expressions in sequence pattern');
    }
  }
  if (!seenStar) addopI(c, Opcode.UNPACK_SEQUENCE, n);
}

function sequenceUnpack(c: Compiler, patterns: ast.pattern[], pc: PatternContext): void {
  unpackHelper(c, patterns);
  // The new subjects stay on the stack while each sub-pattern is matched.
  pc.onTop += patterns.length;
  for (const p of patterns) {
    pc.onTop--;
    subpattern(c, p, pc);
  }
}

/** Like sequenceUnpack, with BINARY_SUBSCR: for patterns with a starred wildcard such as [first, *_, last]. */
function sequenceSubscr(c: Compiler, patterns: ast.pattern[], star: number, pc: PatternContext): void {
  pc.onTop++;
  const size = patterns.length;
  for (let i = 0; i < size; i++) {
    const p = patterns[i];
    if (isWildcard(p) || i === star) continue;
    addopI(c, Opcode.COPY, 1);
    if (i < star) {
      loadConst(c, i);
    } else {
      // The subject may not support negative indexes.
      addop(c, Opcode.GET_LEN);
      loadConst(c, size - i);
      addopBinary(c, 'Sub', false);
    }
    addop(c, Opcode.BINARY_SUBSCR);
    subpattern(c, p, pc);
  }
  pc.onTop--;
  addop(c, Opcode.POP_TOP);
}

/** A pattern nested in another: irrefutability is always allowed there. */
function subpattern(c: Compiler, p: ast.pattern, pc: PatternContext): void {
  const allow = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  pattern(c, p, pc);
  pc.allowIrrefutable = allow;
}

function patternAs(c: Compiler, p: ast.MatchAs, pc: PatternContext): void {
  if (p.pattern === null) {
    if (!pc.allowIrrefutable) {
      if (p.name !== null) compilerError(c, `name capture ${strRepr(p.name)} makes remaining patterns unreachable`);
      compilerError(c, 'wildcard makes remaining patterns unreachable');
    }
    storeName(c, p.name, pc);
    return;
  }
  // Keep a copy to store if the inner pattern matches.
  pc.onTop++;
  addopI(c, Opcode.COPY, 1);
  pattern(c, p.pattern, pc);
  pc.onTop--;
  storeName(c, p.name, pc);
}

function validateKwdAttrs(c: Compiler, attrs: string[], patterns: ast.pattern[]): void {
  for (let i = 0; i < attrs.length; i++) {
    setLoc(c, patterns[i]);
    checkForbiddenName(c, attrs[i], 'Store');
    for (let j = i + 1; j < attrs.length; j++) {
      if (attrs[i] === attrs[j]) {
        setLoc(c, patterns[j]);
        compilerError(c, `attribute name repeated in class pattern: ${attrs[i]}`);
      }
    }
  }
}

function patternClass(c: Compiler, p: ast.MatchClass, pc: PatternContext): void {
  const nargs = p.patterns.length;
  const nattrs = p.kwd_attrs.length;
  if (nattrs !== p.kwd_patterns.length) compilerError(c, `kwd_attrs (${nattrs}) / kwd_patterns (${p.kwd_patterns.length}) length mismatch in class pattern`);
  if (nattrs) {
    validateKwdAttrs(c, p.kwd_attrs, p.kwd_patterns);
    setLoc(c, p);
  }
  visitExpr(c, p.cls);
  loadConst(c, new PyTuple(p.kwd_attrs));
  addopI(c, Opcode.MATCH_CLASS, nargs);
  addopI(c, Opcode.COPY, 1);
  loadConst(c, None);
  addopI(c, Opcode.IS_OP, 1);
  // On top: a tuple of nargs + nattrs attributes, or None.
  pc.onTop++;
  jumpToFailPop(c, pc, PseudoOp.POP_JUMP_IF_FALSE);
  addopI(c, Opcode.UNPACK_SEQUENCE, nargs + nattrs);
  pc.onTop += nargs + nattrs - 1;
  for (let i = 0; i < nargs + nattrs; i++) {
    pc.onTop--;
    const sub = i < nargs ? p.patterns[i] : p.kwd_patterns[i - nargs];
    if (isWildcard(sub)) {
      addop(c, Opcode.POP_TOP);
      continue;
    }
    subpattern(c, sub, pc);
  }
}

function patternMapping(c: Compiler, p: ast.MatchMapping, pc: PatternContext): void {
  const keys = p.keys;
  const size = keys.length;
  if (size !== p.patterns.length) compilerError(c, `keys (${size}) / patterns (${p.patterns.length}) length mismatch in mapping pattern`);
  const starTarget = p.rest;
  // The subject stays on top during the mapping and length checks.
  pc.onTop++;
  addop(c, Opcode.MATCH_MAPPING);
  jumpToFailPop(c, pc, PseudoOp.POP_JUMP_IF_FALSE);
  if (!size && starTarget === null) {
    // `{}`: done, pop the subject.
    pc.onTop--;
    addop(c, Opcode.POP_TOP);
    return;
  }
  if (size) {
    addop(c, Opcode.GET_LEN);
    loadConst(c, size);
    addCompare(c, 'GtE');
    jumpToFailPop(c, pc, PseudoOp.POP_JUMP_IF_FALSE);
  }
  // The keys, literals or dotted names, as one tuple for MATCH_KEYS.
  const seen: PyValue[] = [];
  for (const key of keys) {
    if (key._type === 'Constant') {
      if (seen.some((v) => constEquals(v, key.value))) compilerError(c, `mapping pattern checks duplicate key (${constRepr(key.value)})`);
      seen.push(key.value);
    } else if (key._type !== 'Attribute') {
      compilerError(c, 'mapping pattern keys may only match literals and attribute lookups');
    }
    visitExpr(c, key);
  }
  addopI(c, Opcode.BUILD_TUPLE, size);
  addop(c, Opcode.MATCH_KEYS);
  // A tuple of keys and a tuple of values are now on top of the subject.
  pc.onTop += 2;
  addopI(c, Opcode.COPY, 1);
  loadConst(c, None);
  addopI(c, Opcode.IS_OP, 1);
  jumpToFailPop(c, pc, PseudoOp.POP_JUMP_IF_FALSE);
  addopI(c, Opcode.UNPACK_SEQUENCE, size);
  pc.onTop += size - 1;
  for (const sub of p.patterns) {
    pc.onTop--;
    subpattern(c, sub, pc);
  }
  // A match: what follows consumes the tuple of keys and the subject.
  pc.onTop -= 2;
  if (starTarget !== null) {
    // rest = dict(subject); del rest[key] for each key
    addopI(c, Opcode.BUILD_MAP, 0);
    addopI(c, Opcode.SWAP, 3);
    addopI(c, Opcode.DICT_UPDATE, 2);
    addopI(c, Opcode.UNPACK_SEQUENCE, size);
    for (let n = size; n > 0; n--) {
      addopI(c, Opcode.COPY, 1 + n);
      addopI(c, Opcode.SWAP, 2);
      addop(c, Opcode.DELETE_SUBSCR);
    }
    storeName(c, starTarget, pc);
  } else {
    addop(c, Opcode.POP_TOP); // the tuple of keys
    addop(c, Opcode.POP_TOP); // the subject
  }
}

function patternOr(c: Compiler, p: ast.MatchOr, pc: PatternContext): void {
  const end = newBlockIn(c);
  const size = p.patterns.length;
  const old: PatternContext = { ...pc };
  // The names bound by the first alternative: the others must bind the same, in this order.
  let control: string[] | null = null;
  for (let i = 0; i < size; i++) {
    const alt = p.patterns[i];
    setLoc(c, alt);
    pc.stores = [];
    // An irrefutable alternative must be the last, if allowed at all.
    pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
    pc.failPop = [];
    pc.onTop = 0;
    addopI(c, Opcode.COPY, 1);
    pattern(c, alt, pc);
    const nstores = pc.stores.length;
    if (control === null) {
      control = pc.stores;
    } else if (nstores !== control.length) {
      compilerError(c, 'alternative patterns bind different names');
    } else if (nstores) {
      for (let icontrol = nstores - 1; icontrol >= 0; icontrol--) {
        const name = control[icontrol];
        const istores = pc.stores.indexOf(name);
        if (istores < 0) compilerError(c, 'alternative patterns bind different names');
        if (icontrol !== istores) {
          // Reorder the values on the stack (and the names) to the control's order.
          let rotations = istores + 1;
          const rotated = pc.stores.slice(0, rotations);
          pc.stores.splice(0, rotations);
          pc.stores.splice(icontrol - istores, 0, ...rotated);
          while (rotations--) rotate(c, icontrol + 1);
        }
      }
    }
    addopJ(c, PseudoOp.JUMP, end);
    emitAndResetFailPop(c, pc);
  }
  pc.stores = old.stores;
  pc.allowIrrefutable = old.allowIrrefutable;
  pc.failPop = old.failPop;
  pc.onTop = old.onTop;
  // No alternative matched: pop the remaining copy of the subject and fail.
  addop(c, Opcode.POP_TOP);
  jumpToFailPop(c, pc, PseudoOp.JUMP);
  useNextBlock(c, end);
  const captured = control as string[];
  const nrots = captured.length + 1 + pc.onTop + pc.stores.length;
  for (const name of captured) {
    // Rotate each capture to its place on the stack.
    rotate(c, nrots);
    if (pc.stores.includes(name)) compilerError(c, `multiple assignments to name ${strRepr(name)} in pattern`);
    pc.stores.push(name);
  }
  // Pop the copy of the subject.
  addop(c, Opcode.POP_TOP);
}

function patternSequence(c: Compiler, p: ast.MatchSequence, pc: PatternContext): void {
  const patterns = p.patterns;
  const size = patterns.length;
  let star = -1;
  let onlyWildcard = true;
  let starWildcard = false;
  for (let i = 0; i < size; i++) {
    const sub = patterns[i];
    if (sub._type === 'MatchStar') {
      if (star >= 0) compilerError(c, 'multiple starred names in sequence pattern');
      starWildcard = isStarWildcard(sub);
      onlyWildcard &&= starWildcard;
      star = i;
      continue;
    }
    onlyWildcard &&= isWildcard(sub);
  }
  // The subject stays on top during the sequence and length checks.
  pc.onTop++;
  addop(c, Opcode.MATCH_SEQUENCE);
  jumpToFailPop(c, pc, PseudoOp.POP_JUMP_IF_FALSE);
  if (star < 0) {
    addop(c, Opcode.GET_LEN);
    loadConst(c, size);
    addCompare(c, 'Eq');
    jumpToFailPop(c, pc, PseudoOp.POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    addop(c, Opcode.GET_LEN);
    loadConst(c, size - 1);
    addCompare(c, 'GtE');
    jumpToFailPop(c, pc, PseudoOp.POP_JUMP_IF_FALSE);
  }
  pc.onTop--;
  if (onlyWildcard) addop(c, Opcode.POP_TOP);
  else if (starWildcard) sequenceSubscr(c, patterns, star, pc);
  else sequenceUnpack(c, patterns, pc);
}

function pattern(c: Compiler, p: ast.pattern, pc: PatternContext): void {
  setLoc(c, p);
  switch (p._type) {
    case 'MatchValue':
      if (p.value._type !== 'Constant' && p.value._type !== 'Attribute') compilerError(c, 'patterns may only match literals and attribute lookups');
      visitExpr(c, p.value);
      addCompare(c, 'Eq');
      jumpToFailPop(c, pc, PseudoOp.POP_JUMP_IF_FALSE);
      return;
    case 'MatchSingleton':
      loadConst(c, p.value);
      addCompare(c, 'Is');
      jumpToFailPop(c, pc, PseudoOp.POP_JUMP_IF_FALSE);
      return;
    case 'MatchSequence':
      return patternSequence(c, p, pc);
    case 'MatchMapping':
      return patternMapping(c, p, pc);
    case 'MatchClass':
      return patternClass(c, p, pc);
    case 'MatchStar':
      return storeName(c, p.name, pc);
    case 'MatchAs':
      return patternAs(c, p, pc);
    case 'MatchOr':
      return patternOr(c, p, pc);
    default:
      return assertNever(p, 'pattern');
  }
}

export function compilerMatch(c: Compiler, s: ast.Match): void {
  visitExpr(c, s.subject);
  const end = newBlockIn(c);
  const cases = s.cases.length;
  const last = s.cases[cases - 1];
  const hasDefault = isWildcard(last.pattern) && cases > 1 ? 1 : 0;
  const pc: PatternContext = { stores: [], allowIrrefutable: false, failPop: [], onTop: 0 };
  for (let i = 0; i < cases - hasDefault; i++) {
    const m = s.cases[i];
    setLoc(c, m.pattern);
    // Copy the subject unless this is the last case.
    if (i !== cases - hasDefault - 1) addopI(c, Opcode.COPY, 1);
    pc.stores = [];
    // Irrefutable cases must be guarded, last, or both.
    pc.allowIrrefutable = m.guard !== null || i === cases - 1;
    pc.failPop = [];
    pc.onTop = 0;
    pattern(c, m.pattern, pc);
    // A match: store the captured names (their values are on the stack).
    for (const name of pc.stores) nameop(c, name, 'Store');
    if (m.guard) {
      ensureFailPop(c, pc, 0);
      compilerJumpIf(c, m.guard, pc.failPop[0], false);
    }
    // Done with the subject.
    if (i !== cases - hasDefault - 1) addop(c, Opcode.POP_TOP);
    visitStmts(c, m.body);
    unsetLoc(c);
    addopJ(c, PseudoOp.JUMP, end);
    // A failed match takes the line of its pattern, not of the body.
    setLoc(c, m.pattern);
    emitAndResetFailPop(c, pc);
  }
  if (hasDefault) {
    // A trailing `case _:` needs no pushing and popping.
    setLoc(c, last.pattern);
    if (cases === 1) addop(c, Opcode.POP_TOP);
    else addop(c, Opcode.NOP); // line coverage for the default case
    if (last.guard) compilerJumpIf(c, last.guard, end, false);
    visitStmts(c, last.body);
    unsetLoc(c);
  }
  useNextBlock(c, end);
}
