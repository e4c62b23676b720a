#!/usr/bin/env python3
"""Dump CPython 3.11.7's AST and code objects of many Python files, as JSON lines.

For each file given (directories are walked for *.py), prints one line:
  {"path": P, "ast": <tree in core/ast's JSON shape>, "code": <code.json form>}
or {"path": P, "error": {...SyntaxError fields...}} when CPython's compile() rejects it, or
{"path": P, "skip": reason} when it cannot even be read or parsed.
The JSON shapes are those of scripts/capture-cpython.py (whose helpers this reuses), so the
output feeds scripts/compare-stdlib.mjs, which compiles each AST with Bytescope and compares.
Usage: dump-cpython-compile.py PATH...
"""
import ast
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("capture", os.path.join(HERE, "capture-cpython.py"))
capture = importlib.util.module_from_spec(spec)
spec.loader.exec_module(capture)
sys.setrecursionlimit(10000)


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, names in os.walk(p):
                dirnames.sort()
                for n in sorted(names):
                    if n.endswith(".py"):
                        yield os.path.join(dirpath, n)
        else:
            yield p


for path in files(sys.argv[1:]):
    name = os.path.basename(path)
    try:
        with open(path, "rb") as f:
            source = f.read()
        tree = ast.parse(source)
    except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError) as e:
        print(json.dumps({"path": path, "skip": f"{type(e).__name__}: {e}"}))
        continue
    out = {"path": path}
    try:
        out["ast"] = capture.ast_json(tree)
        code = compile(source, name, "exec", dont_inherit=True)
        out["code"] = capture.code_json(code)
    except SyntaxError as e:
        out["error"] = {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                        "end_lineno": e.end_lineno, "end_offset": e.end_offset}
    except (RecursionError, ValueError) as e:
        print(json.dumps({"path": path, "skip": f"{type(e).__name__}: {e}"}))
        continue
    try:
        print(json.dumps(out))
    except (ValueError, RecursionError) as e:
        print(json.dumps({"path": path, "skip": f"{type(e).__name__}: {e}"}))
    sys.stdout.flush()
