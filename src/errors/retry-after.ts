import { messageOf, optionsOf } from './arguments.js';
import type { CodatErrorOptions } from './codat-error.js';

/** The options of a class that sends `Retry-After`: the error's options and the delay. */
export interface RetryAfterOptions extends CodatErrorOptions {
  /**
   * Seconds after which to retry, sent as `Retry-After`: a fraction is rounded up; a delay that is
   * negative or not a number is left out.
   */
  retryAfter?: number;
}

/**
 * The whole seconds sent as `Retry-After` for a delay: a fraction is rounded up; a delay that is
 * negative, not a number, or beyond 2^53 is left out (`undefined`).
 */
export function retryAfterSeconds(delay: unknown): number | undefined {
  if (typeof delay !== 'number' || !(delay >= 0)) return undefined;
  const seconds = Math.ceil(delay);
  return Number.isSafeInteger(seconds) ? seconds : undefined;
}

/**
 * The arguments of a class that sends `Retry-After`, called either way: `(message?, { retryAfter, ...options })`
 * or `(retryAfter, message?, options?)`. The options carry the header; `retryAfter` is the seconds sent.
 */
export function retryAfterArguments(
  first: string | number | undefined,
  second: string | RetryAfterOptions | undefined,
  third: CodatErrorOptions | undefined,
): { message: string | undefined; options: CodatErrorOptions; retryAfter: number | undefined } {
  const delayFirst = typeof first === 'number';
  const { retryAfter: delayOption, ...options } = optionsOf(delayFirst ? third : second);
  const retryAfter = retryAfterSeconds(delayFirst ? first : delayOption);
  return {
    message: messageOf(delayFirst ? second : first),
    options:
      retryAfter === undefined
        ? options
        : { ...options, headers: { ...options.headers, 'retry-after': String(retryAfter) } },
    retryAfter,
  };
}
