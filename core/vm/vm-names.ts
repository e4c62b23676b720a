/**
 * The names a real `__main__` module dict starts with when CPython runs a script, in order
 * (NameError suggestions consider them even where Bytescope does not model the value).
 * CPython: Python/pythonrun.c (_PyRun_SimpleFileObject, set_main_loader), Modules/main.c.
 */
export const MAIN_PRESET_NAMES: readonly string[] = [
  '__name__',
  '__doc__',
  '__package__',
  '__loader__',
  '__spec__',
  '__annotations__',
  '__builtins__',
  '__file__',
  '__cached__',
];
