// The catalog's constructors are called from plain JavaScript too: nothing given to one may make it
// throw, which would turn the error's answer into a 500.
import type { CodatErrorOptions } from './codat-error.js';

/**
 * The options argument when it is an object, else none. Its values stay unchecked: each is read
 * defensively, here (`retryAfter`, `allow`) or when the error is mapped.
 */
export function optionsOf(value: unknown): CodatErrorOptions & Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as CodatErrorOptions & Record<string, unknown>) : {};
}

/** The message argument when it is text, else none (the reason phrase). */
export function messageOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
