#!/usr/bin/env python3
"""CPython's side of the stdlib conformance runner (scripts/conformance/run.mjs starts it once per run).

Usage: cpython.py STAGE ROOT OUT_DIR [--include-site-packages] [--compiler-only]

Walks ROOT for .py files (sorted, depth first; folders named site-packages are skipped unless
asked; ROOT may also be a single file) and, in this one process, writes CPython 3.11.7's view of
every file into OUT_DIR, then OUT_DIR/manifest.json. Each stage keeps the files CPython accepts in
"files" and lists the others in "rejected" ({"path", "error": {"type", "msg", "lineno", "offset"}}).

  ast  <n>.ast        ast.dump(ast.parse(source_bytes), include_attributes=True)
  pyc  <n>.code.json  compile(source_bytes, PATH, 'exec', dont_inherit=True) in the JSON form of
                      scripts/capture-cpython.py (code_json / const_json), without co_positions
       <n>.pyc        py_compile.compile(PATH, cfile=..., doraise=True), timestamp-based, run for
                      every file before anything else (see the comment in main)
  dis  <n>.dis        dis.dis(compile(source_bytes, PATH, 'exec')): what `python3 -m dis PATH` prints
                      (addresses not masked here)
  --compiler-only (pyc, dis): also <n>.ast.json, the tree of ast.parse in core/ast's JSON shape
                      (capture-cpython.py's ast_json), so that Bytescope compiles CPython's AST.

pyc and dis entries carry "surrogate_pairs": true when a str constant holds a high then a low lone
surrogate (which a JS string cannot tell from the astral character).
PATH is the path as the walk produced it (absolute when ROOT is), so that co_filename and the
`file "..."` of nested code objects' reprs are the same on both sides. The manifest also holds the
time spent in ast.parse / compile() (wall and CPU) and in py_compile.
Run it with PYTHONHASHSEED=0 (frozenset reprs in dis output depend on string hashes).
"""
import ast
import dis
import importlib.util
import io
import json
import os
import py_compile
import re
import sys
import time
import types
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("capture", os.path.join(os.path.dirname(HERE), "capture-cpython.py"))
capture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(capture)

sys.setrecursionlimit(10000)
# SyntaxWarning / DeprecationWarning (invalid escapes, "is" with a literal) would flood stderr;
# ignoring them does not change what compile() returns.
warnings.simplefilter("ignore")


def walk(root, include_site):
    """The .py files under root, in a stable order (the one both sides report in)."""
    if os.path.isfile(root):
        return [root]
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        if not include_site:
            dirnames[:] = [d for d in dirnames if d != "site-packages"]
        dirnames.sort()
        paths += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py")]
    return paths


def error_json(e):
    out = {"type": type(e).__name__, "msg": str(e)}
    if isinstance(e, SyntaxError):
        out.update(msg=e.msg, lineno=e.lineno, offset=e.offset)
    return out


def strip_positions(code):
    """capture.code_json without co_positions (derived from co_linetable, and bulky)."""
    code.pop("co_positions", None)
    for c in code["co_consts"]:
        if "code" in c:
            strip_positions(c["code"])
    return code


SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def has_surrogate_pair(value):
    """A str constant holding a high then a low lone surrogate: one astral character in a JS string."""
    if isinstance(value, str):
        return SURROGATE_PAIR.search(value) is not None
    if isinstance(value, (tuple, frozenset)):
        return any(has_surrogate_pair(v) for v in value)
    if isinstance(value, types.CodeType):
        return any(has_surrogate_pair(v) for v in value.co_consts)
    return False


class Timer:
    def __init__(self):
        self.wall = 0.0
        self.cpu = 0.0

    def __enter__(self):
        self.t0 = time.perf_counter()
        self.c0 = time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall += time.perf_counter() - self.t0
        self.cpu += time.process_time() - self.c0
        return False

    def json(self):
        return {"wall": self.wall, "cpu": self.cpu}


def write_text(path, text):
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(text)


def main(argv):
    flags = {a for a in argv if a.startswith("--")}
    positional = [a for a in argv if not a.startswith("--")]
    if len(positional) != 3 or positional[0] not in ("ast", "pyc", "dis"):
        sys.exit(__doc__)
    stage, root, out = positional
    compiler_only = "--compiler-only" in flags
    os.makedirs(out, exist_ok=True)
    files, rejected = [], []
    parse_t, compile_t, pyc_t = Timer(), Timer(), Timer()
    paths = walk(root, "--include-site-packages" in flags)

    pycs = {}
    if stage == "pyc":
        # py_compile first, for every file, before this process does anything else: the .pyc bytes
        # depend on which 1-character strings are interned (marshal writes an interned one as 'Z',
        # another as 'z'), and the work below interns some (json.dumps interns '{', '}', '[', ']';
        # capture.const_json calls it to sort frozensets), which a fresh `python3 -m py_compile`
        # would not have done.
        for i, path in enumerate(paths):
            cfile = os.path.join(out, f"{i}.pyc")
            try:
                with pyc_t:
                    # Timestamp mode explicitly: py_compile writes checked-hash pycs when
                    # SOURCE_DATE_EPOCH is set.
                    py_compile.compile(path, cfile=cfile, doraise=True,
                                       invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
                pycs[path] = {"pyc": f"{i}.pyc"}
            except py_compile.PyCompileError as e:
                pycs[path] = {"pyc_error": e.msg}

    for path in paths:
        with open(path, "rb") as f:
            source = f.read()
        n = len(files)
        entry = {"path": path, "size": len(source)}

        if stage == "ast":
            try:
                with parse_t:
                    tree = ast.parse(source)
            except Exception as e:  # SyntaxError, ValueError (null bytes), RecursionError, MemoryError
                rejected.append({"path": path, "error": error_json(e)})
                continue
            entry["ast"] = f"{n}.ast"
            write_text(os.path.join(out, entry["ast"]), ast.dump(tree, include_attributes=True))
            files.append(entry)
            continue

        try:
            with compile_t:
                code = compile(source, path, "exec", dont_inherit=True)
        except Exception as e:
            rejected.append({"path": path, "error": error_json(e)})
            continue

        if compiler_only:
            try:
                with open(os.path.join(out, f"{n}.ast.json"), "w") as f:
                    json.dump(capture.ast_json(ast.parse(source)), f)
                entry["ast_json"] = f"{n}.ast.json"
            except (ValueError, RecursionError, TypeError) as e:
                entry["skip"] = f"AST not exportable: {type(e).__name__}: {e}"

        if has_surrogate_pair(code):
            entry["surrogate_pairs"] = True
        if stage == "pyc":
            try:
                with open(os.path.join(out, f"{n}.code.json"), "w") as f:
                    json.dump(strip_positions(capture.code_json(code)), f)
                entry["code"] = f"{n}.code.json"
            except (ValueError, RecursionError, TypeError) as e:
                entry["skip"] = f"code not exportable: {type(e).__name__}: {e}"
            entry.update(pycs[path])
        else:  # dis
            buf = io.StringIO()
            dis.dis(code, file=buf)
            entry["dis"] = f"{n}.dis"
            write_text(os.path.join(out, entry["dis"]), buf.getvalue())
        files.append(entry)

    manifest = {"stage": stage, "root": root, "files": files, "rejected": rejected,
                "ast_parse": parse_t.json(), "compile": compile_t.json(), "py_compile": pyc_t.json()}
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f)


if __name__ == "__main__":
    main(sys.argv[1:])
