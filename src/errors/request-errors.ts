import { CodatError, type CodatErrorInit, type CodatErrorOptions } from './codat-error.js';
import { retryAfterSeconds } from './retry-after.js';
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
 */
export class DatatypeNotSupported extends NotFound {
  static override exception: string | undefined = undefined;

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
  static override exception: string | undefined = undefined;

  constructor(allow: readonly string[], message?: string, options: CodatErrorOptions = {}) {
    super(message, { ...options, headers: { ...options.headers, allow: allow.join(', ') } });
  }
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

  constructor(message = 'Unprocessable Content', options?: CodatErrorInit) {
    super(message, options);
  }
}

/**
 * 429: sends `Retry-After` with the seconds to wait.
 *
 * @example
 * throw new TooManyRequests(30);
 */
export class TooManyRequests extends CodatError {
  static override status = 429;
  static override exception: string | undefined = undefined;
  readonly retryAfter: number;

  constructor(retryAfter: number, message?: string, options: CodatErrorOptions = {}) {
    super(message, { ...options, headers: { ...options.headers, 'retry-after': retryAfterSeconds(retryAfter) } });
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
