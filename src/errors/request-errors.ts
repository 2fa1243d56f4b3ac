import { CodatError, type CodatErrorOptions } from './codat-error.js';
import { messageOf, optionsOf } from './arguments.js';
import { retryAfterArguments, type RetryAfterOptions } from './retry-after.js';
import { itemsFromAjv, type AjvError, type AjvItemOptions } from '../validation/ajv.js';
import { itemsFromIssues, type ItemOptions } from '../validation/issues.js';
import type { StandardSchemaV1 } from '../validation/standard-schema.js';

export interface FromIssuesOptions<Issue> extends ItemOptions, Omit<CodatErrorOptions, 'validation'> {
  /** The error's message, after its exception name. Default `Bad Request`. */
  message?: string;
  /** Issues to report in `validation.warnings`, converted the same way. */
  warnings?: readonly Issue[] | null | undefined;
}

/**
 * 400: the request is malformed or fails validation.
 *
 * @example
 * const result = await CreateCompany['~standard'].validate(body);
 * if (result.issues) throw BadRequest.fromIssues(result.issues, { validatorName: 'CreateCompany' });
 */
export class BadRequest extends CodatError {
  static override status = 400;
  static override exception: string | undefined = undefined;

  /**
   * A 400 whose `validation.errors` are the issues of a Standard Schema validator (zod, valibot, arktype).
   * With no errors and only `warnings`, it still makes a valid envelope.
   */
  static fromIssues<T extends BadRequest>(
    this: new (
      message?: string,
      options?: CodatErrorOptions,
    ) => T,
    issues: readonly StandardSchemaV1.Issue[],
    { validatorName, pathPrefix, message, warnings, ...options }: FromIssuesOptions<StandardSchemaV1.Issue> = {},
  ): T {
    const itemOptions = { validatorName, pathPrefix };
    return new this(message, {
      ...options,
      validation: {
        errors: itemsFromIssues(issues, itemOptions),
        warnings: itemsFromIssues(warnings ?? [], itemOptions),
      },
    });
  }

  /**
   * A 400 whose `validation.errors` are Ajv's `validate.errors`; `validatorName` defaults to each error's keyword.
   *
   * @example
   * if (!validateCompany(body)) throw BadRequest.fromAjv(validateCompany.errors);
   */
  static fromAjv<T extends BadRequest>(
    this: new (
      message?: string,
      options?: CodatErrorOptions,
    ) => T,
    errors: readonly AjvError[] | null | undefined,
    { validatorName, pathPrefix, message, warnings, ...options }: FromIssuesOptions<AjvError> & AjvItemOptions = {},
  ): T {
    const itemOptions = { validatorName, pathPrefix };
    return new this(message, {
      ...options,
      validation: { errors: itemsFromAjv(errors, itemOptions), warnings: itemsFromAjv(warnings, itemOptions) },
    });
  }
}

/** 401: the API key supplied is incorrect. */
export class Unauthorized extends CodatError {
  static override status = 401;
  static override exception: string | undefined = undefined;
}

/** 403: the key is outdated or not tied to this resource, or the endpoint is not permitted. */
export class Forbidden extends CodatError {
  static override status = 403;
  static override exception: string | undefined = undefined;
}

/** 404: the resource was not found. */
export class NotFound extends CodatError {
  static override status = 404;
  static override exception: string | undefined = undefined;
}

/**
 * 404 for a data type that the underlying platforms do not support.
 *
 * @example
 * throw new DatatypeNotSupported('invoices', ['Xero', 'Sage']);
 * // error: "Datatype invoices not supported by platform(s) Xero, Sage"
 * throw new DatatypeNotSupported('Bills are not synced for this company');
 */
export class DatatypeNotSupported extends NotFound {
  static override exception: string | undefined = undefined;

  /** The message names the data type and the platforms (one, or a list). */
  constructor(datatype: string, platforms: string | readonly string[], options?: CodatErrorOptions);
  /** The message as given; default `Datatype not supported`. */
  constructor(message?: string, options?: CodatErrorOptions);
  constructor(first?: string, second?: string | readonly string[] | CodatErrorOptions, third?: CodatErrorOptions) {
    if (typeof second === 'string' || Array.isArray(second)) {
      super(datatypeMessage(first, second), optionsOf(third));
    } else {
      super(messageOf(first) ?? 'Datatype not supported', optionsOf(second));
    }
  }
}

function datatypeMessage(datatype: unknown, platforms: string | readonly unknown[]): string {
  const names = typeof platforms === 'string' ? platforms : platforms.filter(isText).join(', ');
  const subject = typeof datatype === 'string' ? `Datatype ${datatype}` : 'Datatype';
  return names === '' ? `${subject} not supported` : `${subject} not supported by platform(s) ${names}`;
}

/**
 * 405: sends `Allow` with the methods the resource does allow. Without methods it sends no `Allow`
 * (on Koa, the middleware takes it from the routes `@koa/router` matched).
 *
 * @example
 * throw new MethodNotAllowed(['GET', 'HEAD']);
 * throw new MethodNotAllowed('Invoices are read-only', { allow: ['GET', 'HEAD'] });
 */
export class MethodNotAllowed extends CodatError {
  static override status = 405;
  static override exception: string | undefined = undefined;

  /** The message as given; `options.allow` lists the methods (`'GET'` is one method). */
  constructor(message?: string, options?: CodatErrorOptions & { allow?: string | readonly string[] });
  /**
   * The methods first (`'GET'`, `'GET, HEAD'` or a list). A first argument that is text counts as
   * methods when it is made of upper-case method names only, else as the message.
   */
  constructor(allow: string | readonly string[], message?: string, options?: CodatErrorOptions);
  constructor(
    first?: string | readonly string[],
    second?: string | (CodatErrorOptions & { allow?: string | readonly string[] }),
    third?: CodatErrorOptions,
  ) {
    const methodsFirst = Array.isArray(first) || (typeof first === 'string' && methodList.test(first));
    const { allow: allowOption, ...options } = optionsOf(methodsFirst ? third : second);
    const allow = allowHeader(methodsFirst ? first : allowOption);
    super(
      messageOf(methodsFirst ? second : first),
      allow === undefined ? options : { ...options, headers: { ...options.headers, allow } },
    );
  }
}

/** Upper-case method names, one or a comma-separated list: `GET`, `GET, HEAD`. */
const methodList = /^[A-Z][A-Z_-]*(?: *, *[A-Z][A-Z_-]*)*$/;

function allowHeader(allow: unknown): string | undefined {
  if (typeof allow === 'string') return allow;
  return Array.isArray(allow) ? allow.filter(isText).join(', ') : undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

/** 409: the resource is not ready, or the request exceeds an allowed count. */
export class Conflict extends CodatError {
  static override status = 409;
  static override exception: string | undefined = undefined;
}

/**
 * 422: the request is well formed but cannot be processed as sent, such as an idempotency key reused
 * with a different body. Its default message is RFC 9110's name for the status, `Unprocessable Content`
 * (Node still says `Unprocessable Entity`, which a masked or bodiless 422 shows).
 *
 * @example
 * throw new UnprocessableContent('Idempotency key already used with a different request body');
 */
export class UnprocessableContent extends CodatError {
  static override status = 422;
  static override exception: string | undefined = undefined;

  constructor(message = 'Unprocessable Content', options?: CodatErrorOptions) {
    super(message, options);
  }
}

/**
 * 429: sends `Retry-After` with the seconds to wait (a fraction rounded up), when given.
 *
 * @example
 * throw new TooManyRequests(30);
 * throw new TooManyRequests('Slow down', { retryAfter: 30 });
 */
export class TooManyRequests extends CodatError {
  static override status = 429;
  static override exception: string | undefined = undefined;
  /** The whole seconds sent as `Retry-After`; `undefined` when none is sent. */
  readonly retryAfter: number | undefined;

  /** The message as given; `options.retryAfter` is the delay. */
  constructor(message?: string, options?: RetryAfterOptions);
  /** The delay first, in seconds. */
  constructor(retryAfter: number, message?: string, options?: CodatErrorOptions);
  constructor(first?: string | number, second?: string | RetryAfterOptions, third?: CodatErrorOptions) {
    const { message, options, retryAfter } = retryAfterArguments(first, second, third);
    super(message, options);
    this.retryAfter = retryAfter;
  }
}

/**
 * 451: not available, for legal or compliance reasons.
 *
 * @example
 * throw new UnavailableForLegalReasons("Platform 'qudb' is not currently available for compliance purposes.");
 */
export class UnavailableForLegalReasons extends CodatError {
  static override status = 451;
  static override exception: string | undefined = undefined;
}
