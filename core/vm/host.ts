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
}

/** How a run ended. `exitCode` is what `python3 FILE` would exit with. */
export interface RunOutcome {
  status: 'finished' | 'raised' | 'stopped';
  exitCode: number;
}
