import type { Validation, ValidationItem } from '../contract/envelope.js';
import { describe } from '../contract/describe.js';
import { isErrorStatus, reasonPhrase } from '../contract/status.js';

export type ErrorHeaders = Record<string, string | number | readonly string[]>;

export interface CodatErrorOptions {
  /** Name that prefixes the envelope's `error`: `"<exception>: <message>"`. */
  exception?: string;
  /** Service named in the envelope, instead of the middleware's `service`. */
  service?: string;
  validation?: { errors?: readonly ValidationItem[]; warnings?: readonly ValidationItem[] };
  /** Extra response headers, sent with the error response. */
  headers?: ErrorHeaders;
  /** Show the message to the client. Defaults to true below 500, false from 500. */
  expose?: boolean;
  /**
   * Codat's `canBeRetried`, sent as given (such as `'Unknown'`, `'Yes'`, `'No'`), with `detailedErrorCode`
   * beside it, even from a masked 5xx. Anything but a string is left out.
   */
  canBeRetried?: string;
  /**
   * Codat's `detailedErrorCode`, a safe integer, sent with `canBeRetried` beside it, even from a masked 5xx.
   * Anything but a safe integer is left out.
   */
  detailedErrorCode?: number;
  cause?: unknown;
}

export interface CodatErrorInit extends CodatErrorOptions {
  /** HTTP status, an integer in 400–599 (the subclasses set their own). */
  status?: number;
}

const brand = Symbol.for('codat-errors.CodatError');

/**
 * True for any error of this package, also one made by another loaded copy of it.
 *
 * @example
 * if (isCodatError(err)) console.log(err.statusCode);
 */
export function isCodatError(value: unknown): value is CodatError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/**
 * Base of the catalog: an error that knows its status and its place in the envelope.
 * Compatible with http-errors (`status`, `statusCode`, `expose`, `headers`).
 *
 * @example
 * throw new CodatError('Ledger locked', { status: 423, exception: 'LedgerLockedException' });
 */
export class CodatError extends Error {
  /** Status used when the constructor is given none; each subclass sets its own. */
  static status = 500;

  /**
   * Whether errors below 500 capture a stack trace. A 4xx is an expected answer, not a fault, and
   * capturing its stack costs more than the rest of its response: by default only 5xx errors have
   * one (a 4xx's `stack` is its first line alone). Set it on `CodatError` for every class, or on one
   * class for that class and its subclasses.
   *
   * @example
   * CodatError.clientErrorStacks = true; // every 4xx keeps its stack trace
   * NotFound.clientErrorStacks = true;   // only NotFound and its subclasses
   */
  static clientErrorStacks = false;

  /**
   * The name that prefixes `error` for this class's errors. A class names itself with its own static
   * `exception`, else with its class name (which a minifier may change): the catalog's classes are
   * named for their status, so each declares none.
   */
  static exception: string | undefined = undefined;

  readonly status: number;
  readonly statusCode: number;
  readonly expose: boolean;
  readonly exception: string | undefined;
  readonly service: string | undefined;
  readonly validation: Validation | undefined;
  readonly headers: ErrorHeaders;
  readonly canBeRetried: string | undefined;
  readonly detailedErrorCode: number | undefined;

  constructor(message?: string, options: CodatErrorInit = {}) {
    const errorClass = new.target;
    // Called from plain JavaScript, a class of the catalog may be given anything: whatever it is, the
    // error answers its own status rather than throwing here, which would make the answer a 500.
    const init: CodatErrorInit = typeof options === 'object' && options !== null ? options : {};
    const status = statusOf(errorClass, init.status);
    const stackTraceLimit = Error.stackTraceLimit;
    if (status < 500 && !errorClass.clientErrorStacks) Error.stackTraceLimit = 0;
    try {
      super(messageOf(message, status), 'cause' in init ? { cause: init.cause } : undefined);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.name = errorClass.name;
    this.status = status;
    this.statusCode = status;
    this.expose = init.expose ?? status < 500;
    this.exception =
      init.exception ?? (Object.hasOwn(errorClass, 'exception') ? errorClass.exception : errorClass.name);
    this.service = init.service;
    this.validation = init.validation && {
      errors: listOf(init.validation.errors),
      warnings: listOf(init.validation.warnings),
    };
    this.headers = init.headers ?? {};
    // Codat's SDK refuses any other type, and throwing here would turn the answer into a 500: a value
    // of the wrong type is left out, and the envelope then carries the defaults.
    this.canBeRetried = typeof init.canBeRetried === 'string' ? init.canBeRetried : undefined;
    this.detailedErrorCode = Number.isSafeInteger(init.detailedErrorCode) ? init.detailedErrorCode : undefined;
  }

  /** `instanceof CodatError` also holds for errors made by another loaded copy of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === CodatError ? isCodatError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

Object.defineProperty(CodatError.prototype, brand, { value: true });

/**
 * The status an error of `errorClass` answers: `given` when it is an error status, else the class's
 * own. Only `CodatError` itself, which has no status of its own to fall back on, refuses a bad one.
 */
function statusOf(errorClass: typeof CodatError, given: unknown): number {
  const status = isErrorStatus(given) ? given : errorClass.status;
  if ((given !== undefined && status !== given && errorClass === CodatError) || !isErrorStatus(status)) {
    throw new TypeError(`codat-errors: status must be an integer from 400 to 599, got ${describe(given ?? status)}`);
  }
  return status;
}

/** The message as given when it is text (a number or boolean as its text), else the status's reason phrase. */
function messageOf(message: unknown, status: number): string {
  if (typeof message === 'string') return message;
  if (typeof message === 'number' || typeof message === 'boolean') return String(message);
  return reasonPhrase(status);
}

function listOf<T>(items: readonly T[] | undefined): T[] {
  return Array.isArray(items) ? [...items] : [];
}
