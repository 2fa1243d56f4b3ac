import { CodatError, type CodatErrorOptions } from './codat-error.js';
import { retryAfterSeconds } from './retry-after.js';

/** 500: its message is hidden from the client unless it is thrown with `expose: true`. */
export class InternalServerError extends CodatError {
  static override status = 500;
  static override exception: string | undefined = undefined;
}

export interface ServiceUnavailableOptions extends CodatErrorOptions {
  /** Seconds after which to retry, sent as `Retry-After`. */
  retryAfter?: number;
}

/**
 * 503: temporarily offline, for example for maintenance.
 *
 * @example
 * throw new ServiceUnavailable('Down for maintenance', { retryAfter: 600, expose: true });
 */
export class ServiceUnavailable extends CodatError {
  static override status = 503;
  static override exception: string | undefined = undefined;
  readonly retryAfter: number | undefined;

  constructor(message?: string, { retryAfter, ...options }: ServiceUnavailableOptions = {}) {
    const headers =
      retryAfter === undefined ? options.headers : { ...options.headers, 'retry-after': retryAfterSeconds(retryAfter) };
    super(message, headers === undefined ? options : { ...options, headers });
    this.retryAfter = retryAfter;
  }
}
