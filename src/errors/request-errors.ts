import { CodatError, markCatalogClass, type CodatErrorOptions } from './codat-error.js';

/** 400: the request is malformed or fails validation. */
export class BadRequest extends CodatError {
  static override status = 400;
}

/** 401: the API key supplied is incorrect. */
export class Unauthorized extends CodatError {
  static override status = 401;
}

/** 403: the key is outdated or not tied to this resource, or the endpoint is not permitted. */
export class Forbidden extends CodatError {
  static override status = 403;
}

/** 404: the resource was not found. */
export class NotFound extends CodatError {
  static override status = 404;
}

/**
 * 404 for a data type that the underlying platforms do not support.
 *
 * @example
 * throw new DatatypeNotSupported('invoices', ['Xero', 'Sage']);
 * // error: "Datatype invoices not supported by platform(s) Xero, Sage"
 */
export class DatatypeNotSupported extends NotFound {
  constructor(datatype: string, platforms: readonly string[], options?: CodatErrorOptions) {
    super(`Datatype ${datatype} not supported by platform(s) ${platforms.join(', ')}`, options);
  }
}

/**
 * 405: sends `Allow` with the methods the resource does allow.
 *
 * @example
 * throw new MethodNotAllowed(['GET', 'HEAD']);
 */
export class MethodNotAllowed extends CodatError {
  static override status = 405;

  constructor(allow: readonly string[], message?: string, options: CodatErrorOptions = {}) {
    super(message, { ...options, headers: { ...options.headers, allow: allow.join(', ') } });
  }
}

/** 409: the resource is not ready, or the request exceeds an allowed count. */
export class Conflict extends CodatError {
  static override status = 409;
}

/**
 * 429: sends `Retry-After` with the seconds to wait.
 *
 * @example
 * throw new TooManyRequests(30);
 */
export class TooManyRequests extends CodatError {
  static override status = 429;
  readonly retryAfter: number;

  constructor(retryAfter: number, message?: string, options: CodatErrorOptions = {}) {
    super(message, { ...options, headers: { ...options.headers, 'retry-after': retryAfterSeconds(retryAfter) } });
    this.retryAfter = retryAfter;
  }
}

export function retryAfterSeconds(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new TypeError(`codat-errors: retryAfter must be a whole number of seconds, got ${String(seconds)}`);
  }
  return String(seconds);
}

for (const errorClass of [BadRequest, Unauthorized, Forbidden, NotFound, DatatypeNotSupported, MethodNotAllowed, Conflict, TooManyRequests]) {
  markCatalogClass(errorClass);
}
