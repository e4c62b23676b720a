import { NODE_SPECS, type Node } from './nodes.generated.js';
import { constRepr, strRepr } from '../objects/repr.js';
import type { PyValue } from '../objects/values.js';
import { InternalError } from '../source/errors.js';

export interface DumpOptions {
  /** Append the position attributes (lineno, col_offset, end_lineno, end_col_offset). */
  includeAttributes?: boolean;
  /** Pretty-print with this indent (a number of spaces or a string); null: one line. */
  indent?: number | string | null;
  /** Show field names (default true). */
  annotateFields?: boolean;
}

/** Field types whose values are operator/context singletons, printed as `Add()`. */
const SINGLETON_TYPES = new Set(['expr_context', 'boolop', 'operator', 'unaryop', 'cmpop']);

interface Formatted {
  text: string;
  simple: boolean;
}

/**
 * `ast.dump(node, annotate_fields=..., include_attributes=..., indent=...)`, character for character.
 * Fields come in ASDL order; a None value of an optional (`?`) field is left out; empty lists and
 * None inside lists are shown; with `indent`, a node stays on one line when all its parts are
 * simple and it has at most three of them.
 * CPython: Lib/ast.py (dump).
 */
export function dumpAst(node: Node, options: DumpOptions = {}): string {
  const includeAttributes = options.includeAttributes ?? false;
  const annotateFields = options.annotateFields ?? true;
  const rawIndent = options.indent ?? null;
  const indent = typeof rawIndent === 'number' ? ' '.repeat(rawIndent) : rawIndent;

  const formatLeaf = (value: unknown, type: string): Formatted => {
    if (value === null) return { text: 'None', simple: true };
    if (type === 'constant') return { text: constRepr(value as PyValue), simple: true };
    if (typeof value === 'string') {
      if (SINGLETON_TYPES.has(type)) return { text: `${value}()`, simple: true };
      return { text: strRepr(value), simple: true };
    }
    if (typeof value === 'number') return { text: String(value), simple: true };
    throw new InternalError(`ast.dump: unexpected ${type} value ${String(value)}`);
  };

  const format = (value: unknown, type: string, level: number): Formatted => {
    let prefix = '';
    let sep = ', ';
    if (indent !== null) {
      level += 1;
      prefix = '\n' + indent.repeat(level);
      sep = ',\n' + indent.repeat(level);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return { text: '[]', simple: true };
      return { text: '[' + prefix + value.map((x) => format(x, type, level).text).join(sep) + ']', simple: false };
    }
    if (value === null || typeof value !== 'object' || !('_type' in value)) return formatLeaf(value, type);
    const n = value as Node & Record<string, unknown>;
    const spec = NODE_SPECS[n._type];
    if (spec === undefined) throw new InternalError(`ast.dump: unknown node type ${String(n._type)}`);
    const args: string[] = [];
    let allSimple = true;
    let keywords = annotateFields;
    for (const field of spec.fields) {
      const v = n[field.name];
      if (v === undefined || (v === null && field.quant === '?')) {
        keywords = true;
        continue;
      }
      const f = format(v, field.type, level);
      allSimple = allSimple && f.simple;
      args.push(keywords ? `${field.name}=${f.text}` : f.text);
    }
    if (includeAttributes) {
      for (const attr of spec.attributes) {
        const v = n[attr];
        if (v === undefined || v === null) continue;
        const f = format(v, 'int', level);
        allSimple = allSimple && f.simple;
        args.push(`${attr}=${f.text}`);
      }
    }
    if (allSimple && args.length <= 3) return { text: `${n._type}(${args.join(', ')})`, simple: args.length === 0 };
    return { text: `${n._type}(${prefix}${args.join(sep)})`, simple: false };
  };

  return format(node, '', 0).text;
}
