import { Opcode } from '../bytecode/opcodes.generated.js';
import { PseudoOp } from './ir.js';

/**
 * The net stack effect of an instruction, exactly as CPython 3.11's compiler computes it for
 * co_stacksize. `jump` selects the effect when the instruction jumps (true), falls through
 * (false), or the maximum of both (undefined), like `dis.stack_effect(op, arg, jump=...)`.
 * Returns null for an opcode the table does not know (CPython: PY_INVALID_STACK_EFFECT).
 * Pseudo-opcodes (negative numbers) are included because stack depth is computed before they
 * are lowered.
 * CPython: Python/compile.c (stack_effect), exposed as dis.stack_effect.
 */
export function stackEffect(opcode: number, oparg: number, jump?: boolean): number | null {
  switch (opcode) {
    case Opcode.NOP:
    case Opcode.EXTENDED_ARG:
    case Opcode.RESUME:
    case Opcode.CACHE:
      return 0;
    case Opcode.POP_TOP:
      return -1;
    case Opcode.SWAP:
      return 0;
    case Opcode.UNARY_POSITIVE:
    case Opcode.UNARY_NEGATIVE:
    case Opcode.UNARY_NOT:
    case Opcode.UNARY_INVERT:
      return 0;
    case Opcode.SET_ADD:
    case Opcode.LIST_APPEND:
      return -1;
    case Opcode.MAP_ADD:
      return -2;
    case Opcode.BINARY_SUBSCR:
      return -1;
    case Opcode.STORE_SUBSCR:
      return -3;
    case Opcode.DELETE_SUBSCR:
      return -2;
    case Opcode.GET_ITER:
      return 0;
    case Opcode.PRINT_EXPR:
      return -1;
    case Opcode.LOAD_BUILD_CLASS:
      return 1;
    case Opcode.RETURN_VALUE:
      return -1;
    case Opcode.IMPORT_STAR:
      return -1;
    case Opcode.SETUP_ANNOTATIONS:
      return 0;
    case Opcode.ASYNC_GEN_WRAP:
    case Opcode.YIELD_VALUE:
      return 0;
    case PseudoOp.POP_BLOCK:
      return 0;
    case Opcode.POP_EXCEPT:
      return -1;
    case Opcode.STORE_NAME:
      return -1;
    case Opcode.DELETE_NAME:
      return 0;
    case Opcode.UNPACK_SEQUENCE:
      return oparg - 1;
    case Opcode.UNPACK_EX:
      return (oparg & 0xff) + (oparg >> 8);
    case Opcode.FOR_ITER:
      // -1 at the end of the iterator, 1 while iterating.
      return jump ? -1 : 1;
    case Opcode.SEND:
      return jump ? -1 : 0;
    case Opcode.STORE_ATTR:
      return -2;
    case Opcode.DELETE_ATTR:
      return -1;
    case Opcode.STORE_GLOBAL:
      return -1;
    case Opcode.DELETE_GLOBAL:
      return 0;
    case Opcode.LOAD_CONST:
      return 1;
    case Opcode.LOAD_NAME:
      return 1;
    case Opcode.BUILD_TUPLE:
    case Opcode.BUILD_LIST:
    case Opcode.BUILD_SET:
    case Opcode.BUILD_STRING:
      return 1 - oparg;
    case Opcode.BUILD_MAP:
      return 1 - 2 * oparg;
    case Opcode.BUILD_CONST_KEY_MAP:
      return -oparg;
    case Opcode.LOAD_ATTR:
      return 0;
    case Opcode.COMPARE_OP:
    case Opcode.IS_OP:
    case Opcode.CONTAINS_OP:
      return -1;
    case Opcode.CHECK_EXC_MATCH:
      return 0;
    case Opcode.CHECK_EG_MATCH:
      return 0;
    case Opcode.IMPORT_NAME:
      return -1;
    case Opcode.IMPORT_FROM:
      return 1;
    case Opcode.JUMP_FORWARD:
    case Opcode.JUMP_BACKWARD:
    case PseudoOp.JUMP:
    case Opcode.JUMP_BACKWARD_NO_INTERRUPT:
    case PseudoOp.JUMP_NO_INTERRUPT:
      return 0;
    case Opcode.JUMP_IF_TRUE_OR_POP:
    case Opcode.JUMP_IF_FALSE_OR_POP:
      // `jump ? 0 : -1` in C, where the "maximal" request (-1) is truthy.
      return jump === false ? -1 : 0;
    case Opcode.POP_JUMP_BACKWARD_IF_NONE:
    case Opcode.POP_JUMP_FORWARD_IF_NONE:
    case PseudoOp.POP_JUMP_IF_NONE:
    case Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE:
    case Opcode.POP_JUMP_FORWARD_IF_NOT_NONE:
    case PseudoOp.POP_JUMP_IF_NOT_NONE:
    case Opcode.POP_JUMP_FORWARD_IF_FALSE:
    case Opcode.POP_JUMP_BACKWARD_IF_FALSE:
    case PseudoOp.POP_JUMP_IF_FALSE:
    case Opcode.POP_JUMP_FORWARD_IF_TRUE:
    case Opcode.POP_JUMP_BACKWARD_IF_TRUE:
    case PseudoOp.POP_JUMP_IF_TRUE:
      return -1;
    case Opcode.LOAD_GLOBAL:
      return (oparg & 1) + 1;
    case PseudoOp.SETUP_FINALLY:
      // 0 on the normal path; the handler is entered with one more value (the exception).
      return jump === false ? 0 : 1;
    case PseudoOp.SETUP_CLEANUP:
      // As SETUP_FINALLY, plus lasti.
      return jump === false ? 0 : 2;
    case PseudoOp.SETUP_WITH:
      return jump === false ? 0 : 1;
    case Opcode.PREP_RERAISE_STAR:
      return -1;
    case Opcode.RERAISE:
      return -1;
    case Opcode.PUSH_EXC_INFO:
      return 1;
    case Opcode.WITH_EXCEPT_START:
      return 1;
    case Opcode.LOAD_FAST:
      return 1;
    case Opcode.STORE_FAST:
      return -1;
    case Opcode.DELETE_FAST:
      return 0;
    case Opcode.RETURN_GENERATOR:
      return 0;
    case Opcode.RAISE_VARARGS:
      return -oparg;
    case Opcode.PRECALL:
      return -oparg;
    case Opcode.KW_NAMES:
      return 0;
    case Opcode.CALL:
      return -1;
    case Opcode.CALL_FUNCTION_EX:
      return -2 - ((oparg & 0x01) !== 0 ? 1 : 0);
    case Opcode.MAKE_FUNCTION:
      return -((oparg & 0x01) !== 0 ? 1 : 0) - ((oparg & 0x02) !== 0 ? 1 : 0) - ((oparg & 0x04) !== 0 ? 1 : 0) - ((oparg & 0x08) !== 0 ? 1 : 0);
    case Opcode.BUILD_SLICE:
      return oparg === 3 ? -2 : -1;
    case Opcode.MAKE_CELL:
    case Opcode.COPY_FREE_VARS:
      return 0;
    case Opcode.LOAD_CLOSURE:
      return 1;
    case Opcode.LOAD_DEREF:
    case Opcode.LOAD_CLASSDEREF:
      return 1;
    case Opcode.STORE_DEREF:
      return -1;
    case Opcode.DELETE_DEREF:
      return 0;
    case Opcode.GET_AWAITABLE:
      return 0;
    case Opcode.BEFORE_ASYNC_WITH:
    case Opcode.BEFORE_WITH:
      return 1;
    case Opcode.GET_AITER:
      return 0;
    case Opcode.GET_ANEXT:
      return 1;
    case Opcode.GET_YIELD_FROM_ITER:
      return 0;
    case Opcode.END_ASYNC_FOR:
      return -2;
    case Opcode.FORMAT_VALUE:
      // With a format spec on the stack, two values become one.
      return (oparg & 0x04) === 0x04 ? -1 : 0;
    case Opcode.LOAD_METHOD:
      return 1;
    case Opcode.LOAD_ASSERTION_ERROR:
      return 1;
    case Opcode.LIST_TO_TUPLE:
      return 0;
    case Opcode.LIST_EXTEND:
    case Opcode.SET_UPDATE:
    case Opcode.DICT_MERGE:
    case Opcode.DICT_UPDATE:
      return -1;
    case Opcode.MATCH_CLASS:
      return -2;
    case Opcode.GET_LEN:
    case Opcode.MATCH_MAPPING:
    case Opcode.MATCH_SEQUENCE:
    case Opcode.MATCH_KEYS:
      return 1;
    case Opcode.COPY:
    case Opcode.PUSH_NULL:
      return 1;
    case Opcode.BINARY_OP:
      return -1;
    default:
      return null;
  }
}
