/**
 * Small validators for data that crosses a trust boundary (IPC and WebSocket payloads). Each
 * `Check<T>` takes `unknown` and returns a `Result<T>`: a wrong type is an `invalid-request`, an
 * over-long string or array a `payload-too-large`, and the message names the offending field.
 * Objects are closed: an unexpected key is refused, so nothing unvalidated reaches a handler.
 * (A schema library can replace this later; the `Check` shape is what the rest of the host uses.)
 */
import { err, ok, type HostError, type Result } from './result.js';

export type Check<T> = (value: unknown, path: string) => Result<T, HostError>;

/** The type a check produces. */
export type Checked<C> = C extends Check<infer T> ? T : never;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** A string of at most `max` UTF-16 code units (and at least `min`). */
export function str(limits: { max: number; min?: number; pattern?: RegExp }): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') return err('invalid-request', `${path} must be a string, not ${describe(value)}`);
    if (value.length > limits.max) {
      return err('payload-too-large', `${path} is ${value.length} characters; the limit is ${limits.max}`);
    }
    if (value.length < (limits.min ?? 0)) return err('invalid-request', `${path} must not be empty`);
    if (limits.pattern && !limits.pattern.test(value)) return err('invalid-request', `${path} has an invalid format`);
    return ok(value);
  };
}

/** A safe integer in [min, max]. */
export function int(limits: { min: number; max: number }): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      return err('invalid-request', `${path} must be an integer, not ${describe(value)}`);
    }
    if (value < limits.min || value > limits.max) {
      return err('invalid-request', `${path} must be between ${limits.min} and ${limits.max}`);
    }
    return ok(value);
  };
}

/** One of a fixed list of strings. */
export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (value, path) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? ok(value as T) // narrowed by the includes() test just above
      : err('invalid-request', `${path} must be one of ${values.map((v) => `'${v}'`).join(', ')}`);
}

/** Marks an object field as optional (absent or undefined). */
export interface Optional<T> {
  optional: Check<T>;
}
export function optional<T>(check: Check<T>): Optional<T> {
  return { optional: check };
}

type Shape = Record<string, Check<unknown> | Optional<unknown>>;
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type FieldType<F> = F extends Optional<infer T> ? T : F extends Check<infer T> ? T : never;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: FieldType<S[K]> } & {
  [K in OptionalKeys<S>]?: FieldType<S[K]>;
};

/** A plain object with exactly these fields (unknown keys refused). */
export function object<S extends Shape>(shape: S): Check<ObjectOf<S>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return err('invalid-request', `${path} must be an object, not ${describe(value)}`);
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return err('invalid-request', `${path} must be a plain object`);
    const input = value as Record<string, unknown>; // a plain object, checked just above
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(shape, key)) return err('invalid-request', `${path} has an unexpected field '${key}'`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const present = Object.hasOwn(input, key) && input[key] !== undefined;
      if ('optional' in field) {
        if (!present) continue;
        const r = field.optional(input[key], `${path}.${key}`);
        if (!r.ok) return r;
        out[key] = r.value;
      } else {
        if (!present) return err('invalid-request', `${path}.${key} is missing`);
        const r = field(input[key], `${path}.${key}`);
        if (!r.ok) return r;
        out[key] = r.value;
      }
    }
    // Every required field was checked by its own Check above and unknown keys were refused.
    return ok(out as ObjectOf<S>);
  };
}
