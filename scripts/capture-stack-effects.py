#!/usr/bin/env python3
"""Capture CPython 3.11.7's dis.stack_effect table as JSON for tests/core/compiler/stack-effect.test.ts.

Writes tests/core/compiler/stack-effects.json: one [opname, oparg, jump, effect] row per query, effect
as CPython reports it, or null when dis.stack_effect raises ValueError. Opcodes below HAVE_ARGUMENT are
queried without an argument (CPython rejects one); the others with a spread of arguments that
exercise every bit the table looks at.
Usage: python3 scripts/capture-stack-effects.py
"""
import dis
import json
import os
import sys

PINNED = (3, 11, 7)
if sys.version_info[:3] != PINNED:
    sys.exit(f"capture-stack-effects.py must run under CPython {'.'.join(map(str, PINNED))}")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "core", "compiler", "stack-effects.json")
ARGS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 255, 256, 257, 258, 513, 1000]

rows = []
for name, op in sorted(dis.opmap.items(), key=lambda kv: kv[1]):
    args = [None] if op < dis.HAVE_ARGUMENT else ARGS
    for arg in args:
        for jump in (None, True, False):
            try:
                if arg is None:
                    effect = dis.stack_effect(op, jump=jump)
                else:
                    effect = dis.stack_effect(op, arg, jump=jump)
            except ValueError:
                effect = None
            rows.append([name, arg, jump, effect])

with open(OUT, "w") as f:
    f.write("[\n" + ",\n".join(json.dumps(r) for r in rows) + "\n]\n")
print(f"wrote {len(rows)} rows to {os.path.relpath(OUT, ROOT)}")
