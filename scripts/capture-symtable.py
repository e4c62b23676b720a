#!/usr/bin/env python3
"""Capture CPython 3.11.7's symbol tables of conformance cases, for tests/core/symtable.

For each tests/conformance/cases/<area>/<name>.py that CPython's symtable module accepts, writes
tests/core/symtable/goldens/<area>/<name>.json: the tree of blocks, each with its name, type
(module, function, class), first line, nested flag, parameters (ste_varnames) and raw symbol
entries (DEF_* flags with the scope in bits 11+, exactly as _PySymtable_Build leaves them),
children in definition order. The symtable module works on the unoptimized AST, as this does.
Usage: capture-symtable.py [AREA ...]   (default: compiler programs)
"""
import json
import os
import symtable
import sys

PINNED = (3, 11, 7)
if sys.version_info[:3] != PINNED:
    sys.exit(f"capture-symtable.py must run under CPython {'.'.join(map(str, PINNED))}")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "tests", "conformance", "cases")
OUT = os.path.join(ROOT, "tests", "core", "symtable", "goldens")


def block(t):
    raw = t._table
    return {
        "name": t.get_name(),
        "type": t.get_type(),
        "lineno": t.get_lineno(),
        "nested": bool(raw.nested),
        "varnames": list(raw.varnames),
        "symbols": dict(raw.symbols),
        "children": [block(c) for c in t.get_children()],
    }


count = 0
for area in sys.argv[1:] or ["compiler", "programs"]:
    folder = os.path.join(CASES, area)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            source = f.read()
        try:
            table = symtable.symtable(source.decode("utf-8"), name, "exec")
        except SyntaxError:
            continue
        os.makedirs(os.path.join(OUT, area), exist_ok=True)
        with open(os.path.join(OUT, area, name[:-3] + ".json"), "w") as f:
            json.dump(block(table), f, indent=1, sort_keys=False)
            f.write("\n")
        count += 1
print(f"captured {count} symbol table(s)")
