#!/usr/bin/env python3
"""Capture CPython 3.11.7's view of every conformance case: the only writer of tests/conformance/expected/.

For each tests/conformance/cases/<area>/<name>.py it writes, under expected/<area>/:
  <name>.tokens     the token stream (tokenize module; ENCODING, NL and COMMENT dropped)
  <name>.ast        ast.dump(ast.parse(source_bytes), include_attributes=True)
  <name>.ast.json   the same tree as JSON in core/ast's shape: {"_type": "BinOp", <fields>, <attributes>},
                    operators and contexts as names ("Add", "Load"), constants tagged as in .code.json
  <name>.dis        `python3 -m dis name.py` with code object addresses masked as 0xADDR
  <name>.code.json  every code object field, recursively (bytes in hex, constants tagged by type)
  <name>.pyc        the file py_compile writes, with the header's mtime field zeroed
  <name>.run.json   {"stdout", "stderr", "exit"} of `python3 name.py`, the case folder's absolute
                    path in stderr replaced by <DIR>
A case that does not compile gets <name>.error ({"type", "msg", "lineno", "offset", "end_lineno",
"end_offset", "text"}) instead of the dis, code and pyc files.

Every stage runs in the case's folder with the bare file name, PYTHONHASHSEED=0, and stdin empty.
Usage: capture-cpython.py [CASE.py | AREA_DIR ...]   (default: every case)
"""
import ast
import json
import os
import py_compile
import re
import subprocess
import sys
import tempfile
import tokenize
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "tests", "conformance", "cases")
EXPECTED = os.path.join(ROOT, "tests", "conformance", "expected")
PINNED = (3, 11, 7)
ADDRESS = re.compile(r" at 0x[0-9a-f]+")

if sys.version_info[:3] != PINNED:
    sys.exit(f"capture-cpython.py must run under CPython {'.'.join(map(str, PINNED))}, not {sys.version.split()[0]}")


def const_json(value):
    """A tagged JSON form of a code object constant."""
    if value is None:
        return {"None": None}
    if value is Ellipsis:
        return {"Ellipsis": None}
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": str(value)}
    if isinstance(value, float):
        return {"float": repr(value)}
    if isinstance(value, complex):
        return {"complex": [repr(value.real), repr(value.imag)]}
    if isinstance(value, str):
        return {"str": value}
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    if isinstance(value, tuple):
        return {"tuple": [const_json(v) for v in value]}
    if isinstance(value, frozenset):
        items = [const_json(v) for v in value]
        items.sort(key=lambda j: json.dumps(j, sort_keys=True))
        return {"frozenset": items}
    if isinstance(value, types.CodeType):
        return {"code": code_json(value)}
    raise TypeError(f"unexpected constant {value!r}")


def code_json(code):
    return {
        "co_name": code.co_name,
        "co_qualname": code.co_qualname,
        "co_filename": code.co_filename,
        "co_firstlineno": code.co_firstlineno,
        "co_argcount": code.co_argcount,
        "co_posonlyargcount": code.co_posonlyargcount,
        "co_kwonlyargcount": code.co_kwonlyargcount,
        "co_nlocals": code.co_nlocals,
        "co_stacksize": code.co_stacksize,
        "co_flags": code.co_flags,
        "co_code": code.co_code.hex(),
        "co_consts": [const_json(c) for c in code.co_consts],
        "co_names": list(code.co_names),
        "co_varnames": list(code.co_varnames),
        "co_cellvars": list(code.co_cellvars),
        "co_freevars": list(code.co_freevars),
        "co_linetable": code.co_linetable.hex(),
        "co_exceptiontable": code.co_exceptiontable.hex(),
        "co_positions": [list(p) for p in code.co_positions()],
    }


def ast_json(node):
    """An AST as core/ast's node objects: `_type`, the ASDL fields, then the position attributes."""
    if isinstance(node, list):
        return [ast_json(n) for n in node]
    if node is None:
        return None
    if isinstance(node, (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)):
        return type(node).__name__
    if isinstance(node, ast.AST):
        out = {"_type": type(node).__name__}
        for field in node._fields:
            value = getattr(node, field, None)
            if (isinstance(node, ast.Constant) and field == "value") or isinstance(node, ast.MatchSingleton) and field == "value":
                out[field] = const_json(value)
            else:
                out[field] = ast_json(value)
        for attr in node._attributes:
            out[attr] = getattr(node, attr, None)
        return out
    return node  # identifiers, strings, ints


def write(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(data)


def remove(path):
    if os.path.exists(path):
        os.remove(path)


def tokens_text(source):
    out = []
    try:
        for tok in tokenize.tokenize(iter(source.splitlines(keepends=True)).__next__):
            if tok.type in (tokenize.ENCODING, tokenize.NL, tokenize.COMMENT):
                continue
            out.append(f"{tokenize.tok_name[tok.exact_type]} {tok.string!r} {tok.start[0]},{tok.start[1]}-{tok.end[0]},{tok.end[1]}")
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError, LookupError) as e:
        out.append(f"ERROR {type(e).__name__}: {e}")
    return "\n".join(out) + "\n"


def capture(case):
    area_dir = os.path.dirname(case)
    area = os.path.relpath(area_dir, CASES)
    name = os.path.basename(case)[:-3]
    out = os.path.join(EXPECTED, area, name)
    with open(case, "rb") as f:
        source = f.read()

    write(out + ".tokens", tokens_text(source))
    try:
        tree = ast.parse(source)
        write(out + ".ast", ast.dump(tree, include_attributes=True) + "\n")
        write(out + ".ast.json", json.dumps(ast_json(tree), indent=1) + "\n")
    except SyntaxError:
        remove(out + ".ast")
        remove(out + ".ast.json")

    try:
        code = compile(source, name + ".py", "exec", dont_inherit=True)
    except SyntaxError as e:
        err = {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
               "end_lineno": e.end_lineno, "end_offset": e.end_offset, "text": e.text}
        write(out + ".error", json.dumps(err, indent=1) + "\n")
        for ext in (".dis", ".code.json", ".pyc"):
            remove(out + ext)
        code = None
    if code is not None:
        remove(out + ".error")
        write(out + ".code.json", json.dumps(code_json(code), indent=1) + "\n")
        env = dict(os.environ, PYTHONHASHSEED="0")
        dis = subprocess.run([sys.executable, "-m", "dis", name + ".py"], cwd=area_dir, env=env,
                             capture_output=True, text=True, check=True).stdout
        write(out + ".dis", ADDRESS.sub(" at 0xADDR", dis))
        with tempfile.TemporaryDirectory() as tmp:
            cfile = os.path.join(tmp, name + ".pyc")
            cwd = os.getcwd()
            os.chdir(area_dir)
            try:
                py_compile.compile(name + ".py", cfile=cfile, doraise=True)
            finally:
                os.chdir(cwd)
            with open(cfile, "rb") as f:
                pyc = bytearray(f.read())
            pyc[8:12] = b"\0\0\0\0"
            write(out + ".pyc", bytes(pyc))

    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        run = subprocess.run([sys.executable, name + ".py"], cwd=area_dir, env=env, stdin=subprocess.DEVNULL,
                             capture_output=True, timeout=60)
        result = {"stdout": run.stdout.decode("utf-8", "surrogateescape"),
                  "stderr": run.stderr.decode("utf-8", "surrogateescape").replace(os.path.abspath(area_dir), "<DIR>"),
                  "exit": run.returncode}
    except subprocess.TimeoutExpired:
        result = {"timeout": 60}
    write(out + ".run.json", json.dumps(result, indent=1) + "\n")


def main(argv):
    targets = argv or [CASES]
    cases = []
    for t in targets:
        t = os.path.abspath(t)
        if os.path.isdir(t):
            for dirpath, _, files in os.walk(t):
                cases += [os.path.join(dirpath, f) for f in files if f.endswith(".py")]
        else:
            cases.append(t)
    for case in sorted(cases):
        if not case.startswith(CASES + os.sep):
            sys.exit(f"{case} is not under {os.path.relpath(CASES, ROOT)}")
        capture(case)
    print(f"captured {len(cases)} case(s)")


if __name__ == "__main__":
    main(sys.argv[1:])
