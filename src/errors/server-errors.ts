import { CodatError, type CodatErrorOptions } from './codat-error.js';
import { retryAfterArguments, type RetryAfterOptions } from './retry-after.js';

/** 500: its message is hidden from the client unless it is thrown with `expose: true`. */
export class InternalServerError extends CodatError {
  static override status = 500;
  static override exception: string | undefined = undefined;
}

/** The options of `ServiceUnavailable`: the error's options and `retryAfter`. */
export interface ServiceUnavailableOptions extends RetryAfterOptions {}

/**
 * 503: temporarily offline, for example for maintenance. Sends `Retry-After` with the seconds to wait
 * (a fraction rounded up), when given.
 *
 * @example
 * throw new ServiceUnavailable('Down for maintenance', { retryAfter: 600, expose: true });
 * throw new ServiceUnavailable(600);
 */
export class ServiceUnavailable extends CodatError {
  static override status = 503;
  static override exception: string | undefined = undefined;
  /** The whole seconds sent as `Retry-After`; `undefined` when none is sent. */
  readonly retryAfter: number | undefined;

  /** The message as given; `options.retryAfter` is the delay. */
  constructor(message?: string, options?: ServiceUnavailableOptions);
  /** The delay first, in seconds. */
  constructor(retryAfter: number, message?: string, options?: CodatErrorOptions);
  constructor(first?: string | number, second?: string | ServiceUnavailableOptions, third?: CodatErrorOptions) {
    const { message, options, retryAfter } = retryAfterArguments(first, second, third);
    super(message, options);
    this.retryAfter = retryAfter;
  }
}
