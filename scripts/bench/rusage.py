# Runs one command as a child process and reports that child's resources, as getrusage sees them.
#
# Usage (from scripts/bench/run.mjs): python3 rusage.py PROGRAM ARG...
# The child inherits stdin, stdout and stderr; when it exits, one JSON object is written to file
# descriptor 3 (a pipe the caller opened): {"wall": s, "user": s, "sys": s, "maxrss_kb": n,
# "exit": code}. os.wait4 gives the rusage of exactly that child (microsecond resolution), so
# the wrapper's own start-up is not counted and both interpreters are measured the same way,
# start-up included, without depending on GNU time being installed.
import json
import os
import sys
import time

argv = sys.argv[1:]
os.set_inheritable(3, False)  # the report pipe stays with the wrapper
start = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
report = {
    "wall": wall,
    "user": usage.ru_utime,
    "sys": usage.ru_stime,
    "maxrss_kb": usage.ru_maxrss,
    "exit": os.waitstatus_to_exitcode(status),
}
os.write(3, json.dumps(report).encode())
