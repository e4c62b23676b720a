#!/usr/bin/env python3
"""CPython's side of the syntax-error fuzzing run (scripts/fuzz-syntax.mjs starts it once).

Usage: fuzz-mutants.py ROOT COUNT SEED OUT.json

Picks random .py files under ROOT (site-packages skipped), mutates each once (delete or insert a
character or keyword, duplicate a line, change a line's indentation, cut the file, swap two
words), and records what `ast.parse(mutant_bytes)` gives: None when it parses, else the
SyntaxError's [type, msg, lineno, offset, end_lineno, end_offset, text]. Mutants whose parse
raises something other than SyntaxError (RecursionError, MemoryError) are dropped.
"""
import ast
import json
import os
import random
import sys

INSERTS = list(":()[]{},='\"\\\t .;@*#\n") + [
    "if", "else", "def", "lambda", 'f"', "async", "await", "match", "case", "**", "->", ":=", "yield", "not", "in",
]


def mutate(src, rng):
    lines = src.split("\n")
    op = rng.randrange(6)
    if op == 0 and src:
        i = rng.randrange(len(src))
        return src[:i] + src[i + 1:]
    if op == 1:
        i = rng.randrange(len(src) + 1)
        return src[:i] + rng.choice(INSERTS) + src[i:]
    if op == 2 and lines:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
        return "\n".join(lines)
    if op == 3 and lines:
        i = rng.randrange(len(lines))
        lines[i] = lines[i].lstrip() if rng.random() < 0.5 else " " * rng.randrange(1, 9) + lines[i]
        return "\n".join(lines)
    if op == 4:
        return src[:rng.randrange(len(src) + 1)]
    words = src.split(" ")
    if len(words) > 2:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def main(argv):
    root, count, seed, out = argv[0], int(argv[1]), int(argv[2]), argv[3]
    rng = random.Random(seed)
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        paths += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py")]
    mutants = []
    while len(mutants) < count:
        path = rng.choice(paths)
        try:
            with open(path, encoding="utf-8") as f:
                src = f.read()
        except (UnicodeDecodeError, OSError):
            continue
        if len(src) > 20000:  # a window of whole lines keeps mutants small
            start = src.rfind("\n", 0, rng.randrange(0, len(src) - 20000)) + 1
            src = src[start:start + 20000]
            src = src[:src.rfind("\n") + 1]
        mutant = mutate(src, rng)
        try:
            ast.parse(mutant.encode("utf-8", "surrogatepass"))
            result = None
        except SyntaxError as e:
            result = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]
        except (ValueError, MemoryError, RecursionError):
            continue
        mutants.append({"path": path, "source": mutant, "cpython": result})
    with open(out, "w") as f:
        json.dump(mutants, f)


if __name__ == "__main__":
    main(sys.argv[1:])
