/**
 * Everything the VM needs from the outside world comes through a VmHost: core itself touches no
 * file system, clock, console or randomness, so runs are deterministic and replayable.
 */
export interface VmHost {
  /** Text the program writes to sys.stdout. */
  writeStdout(text: string): void;
  /** Text the program (or the traceback printer) writes to sys.stderr. */
  writeStderr(text: string): void;
  /** One line of standard input including its newline, or null at end of input. */
  readLine?(): string | null;
  /** sys.argv for the program (argv[0] is the script path). */
  argv?: readonly string[];
  /**
   * The current text of a source file, for the source lines of tracebacks (CPython re-reads the
   * file when it prints one); null or absent when it cannot be read.
   */
  sourceText?(filename: string): string | null;
  /**
   * Polled about every 1024 instructions (and while builtins run Python callbacks); returning
   * true stops the run, which then ends with status 'stopped'.
   */
  shouldStop?(): boolean;
  /** Stop after this many instructions (status 'stopped'). */
  maxSteps?: number;
}

/** How a run ended. `exitCode` is what `python3 FILE` would exit with. */
export interface RunOutcome {
  status: 'finished' | 'raised' | 'stopped';
  exitCode: number;
}
