/**
 * A value named in a message that says what was expected instead: strings quoted, objects by kind,
 * never their content (an option or a body may hold a secret).
 *
 * @example
 * `option "service" must be a non-empty string, got ${describe(42)}`; // … got 42
 */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}
