/**
 * The bounds of arguments: each declared once, beside its argument or input field
 * (`...bounded(atMost(100))`), and checked by one checker (src/graphql/bounds.ts) on every
 * execution, with the variables' values, before anything resolves. A value out of bounds is
 * then a request error (`BAD_USER_INPUT`, no data), never a resolver's error beside partial
 * data. A bound on a field (rather than one argument) sees all of the field's arguments.
 */
import { offsetOf } from "./cursor";

/** What is wrong with `value` (the argument or input field at `path`), or null when nothing is. */
export type Bound = (value: unknown, path: string) => string | null;

/** The extensions that declare a bound, for an argument's, input field's or field's options. */
export const bounded = (...bounds: Bound[]) => ({ extensions: { bound: allOf(bounds) } });

function allOf(bounds: readonly Bound[]): Bound {
  const [only] = bounds;
  if (bounds.length === 1 && only) return only;
  return (value, path) => {
    for (const bound of bounds) {
      const problem = bound(value, path);
      if (problem) return problem;
    }
    return null;
  };
}

/** A list of at most `max` items. */
export const atMost =
  (max: number, items = "items"): Bound =>
  (value, path) =>
    Array.isArray(value) && value.length > max
      ? `\`${path}\` has ${value.length} ${items}; the maximum is ${max}.`
      : null;

/** A whole number from `min` to `max`; `what` says what the maximum is. */
export const between =
  (min: number, max: number, what: string): Bound =>
  (value, path) =>
    typeof value === "number" && (value < min || value > max)
      ? `\`${path}\` must be between ${min} and ${max} (${what}); got ${value}.`
      : null;

/** A text of at most `max` characters, and at least one that is not a space when `required`. */
export const text =
  ({ max, required = false }: { max: number; required?: boolean }): Bound =>
  (value, path) => {
    if (typeof value !== "string") return null;
    if (required && !value.trim()) return `\`${path}\` must contain at least one word.`;
    return value.length > max ? `\`${path}\` is ${value.length} characters long; the maximum is ${max}.` : null;
  };

/** Every item of a list within `bound`. */
export const each =
  (bound: Bound): Bound =>
  (value, path) => {
    if (!Array.isArray(value)) return null;
    for (const item of value) {
      const problem = bound(item, path);
      if (problem) return problem;
    }
    return null;
  };

/** A cursor exactly as this API wrote it (./cursor.ts): whether it is within its list, the list says. */
export const cursor: Bound = (value, path) =>
  typeof value === "string" && offsetOf(value) === null
    ? `\`${path}\` is not a cursor of this API. Use cursors exactly as this API returned them.`
    : null;

/** A field bound: exactly one of the field's arguments `names` is given. */
export const exactlyOneOf =
  (names: readonly string[]): Bound =>
  (args, field) => {
    const given = names.filter((name) => args && typeof args === "object" && Reflect.get(args, name) != null);
    return given.length === 1
      ? null
      : `\`${field}\` takes exactly one of ${names.map((n) => `\`${n}\``).join(" and ")}.`;
  };
