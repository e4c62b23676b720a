#!/usr/bin/env python3
"""CPython's side of the AST conformance run (scripts/conformance-ast.mjs starts it once).

Usage: ast-dumps.py ROOT OUT_DIR [--include-site-packages]

Walks ROOT for .py files (sorted; site-packages skipped unless asked), and for every file that
`ast.parse(source_bytes)` accepts writes OUT_DIR/<n>.ast holding
`ast.dump(tree, include_attributes=True)`. Writes OUT_DIR/manifest.json: the list of
{"path", "dump"} entries plus the files CPython rejected and the total time spent in ast.parse
(wall clock and CPU).
"""
import ast
import json
import os
import sys
import time


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    root, out = argv[0], argv[1]
    include_site = "--include-site-packages" in argv[2:]
    paths = []
    if os.path.isfile(root):
        paths = [root]
    else:
        for dirpath, dirnames, filenames in os.walk(root):
            if not include_site:
                dirnames[:] = [d for d in dirnames if d != "site-packages"]
            dirnames.sort()
            paths += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py")]
    os.makedirs(out, exist_ok=True)
    entries = []
    rejected = []
    parse_time = 0.0
    parse_cpu = 0.0
    for path in paths:
        with open(path, "rb") as f:
            source = f.read()
        t0 = time.perf_counter()
        c0 = time.process_time()
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as e:
            parse_time += time.perf_counter() - t0
            parse_cpu += time.process_time() - c0
            rejected.append({"path": path, "error": f"{type(e).__name__}: {e}"})
            continue
        parse_time += time.perf_counter() - t0
        parse_cpu += time.process_time() - c0
        dump_name = f"{len(entries)}.ast"
        with open(os.path.join(out, dump_name), "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(ast.dump(tree, include_attributes=True))
        entries.append({"path": path, "dump": dump_name, "bytes": len(source)})
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"root": root, "files": entries, "rejected": rejected, "parse_seconds": parse_time, "parse_cpu_seconds": parse_cpu}, f)


if __name__ == "__main__":
    main(sys.argv[1:])
