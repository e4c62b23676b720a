import type { Node } from './nodes.generated.js';
import { InternalError } from '../source/errors.js';

export interface DumpOptions {
  includeAttributes?: boolean;
  indent?: number | string | null;
}

/** `ast.dump(node, include_attributes=..., indent=...)`, character for character. CPython: Lib/ast.py (dump). */
export function dumpAst(node: Node, options: DumpOptions = {}): string {
  void node;
  void options;
  throw new InternalError('ast.dump not implemented yet');
}
