// The client side of the contract, for fetch users in Node and in browsers: no Node-only import and
// nothing of the server side is loaded from here (a test bundles it for the browser to prove it).
import { defaultCorrelationHeader } from '../contract/correlation-id.js';
import type { ErrorEnvelope, Validation } from '../contract/envelope.js';
import { isErrorEnvelope } from '../contract/shape.js';

export type { ErrorEnvelope, Validation, ValidationItem } from '../contract/envelope.js';

export interface FromResponseOptions {
  /** The header that carries the correlation id when the body has none. Default `x-correlation-id`. */
  correlationHeader?: string;
  /** The time `Retry-After` dates are counted from, in milliseconds. Default `Date.now()`. */
  now?: number;
}

/** An exception name: an identifier, dots allowed (`Codat.Sync.SyncSettingsValidationException`), then `: `. */
const exceptionPrefix = /^([A-Za-z_$][\w$.]*): /;

/**
 * An error response of an API that follows the contract, as a typed error to throw or inspect.
 *
 * @example
 * const response = await fetch('https://api.example.com/companies', { method: 'POST' });
 * if (!response.ok) {
 *   const error = await CodatApiError.fromResponse(response);
 *   if (error) console.error(error.statusCode, error.exception, error.message, error.correlationId);
 * }
 */
export class CodatApiError extends Error {
  override readonly name = 'CodatApiError';
  readonly statusCode: number;
  readonly service: string;
  /** The envelope's `error`, whole: `"<exception>: <message>"` or the message alone. */
  readonly error: string;
  /** The exception name that prefixes `error`, if any; `message` is the rest. */
  readonly exception: string | undefined;
  readonly correlationId: string;
  readonly validation: Validation | undefined;
  /** Codat's `canBeRetried` (such as `"Unknown"` or `"No"`); `undefined` when the envelope has none. */
  readonly canBeRetried: string | undefined;
  /** Codat's `detailedErrorCode`; `undefined` when the envelope has none. */
  readonly detailedErrorCode: number | undefined;
  /** Seconds to wait before retrying, from `Retry-After` (delta-seconds or an HTTP-date). */
  readonly retryAfter: number | undefined;
  /** The envelope as received, to pass on unchanged (see `DownstreamError`). */
  readonly envelope: ErrorEnvelope;

  constructor(envelope: ErrorEnvelope, retryAfter?: number) {
    const prefix = exceptionPrefix.exec(envelope.error);
    super(prefix ? envelope.error.slice(prefix[0].length) : envelope.error);
    this.statusCode = envelope.statusCode;
    this.service = envelope.service;
    this.error = envelope.error;
    this.exception = prefix?.[1];
    this.correlationId = envelope.correlationId;
    this.validation = envelope.validation;
    this.canBeRetried = envelope.canBeRetried;
    this.detailedErrorCode = envelope.detailedErrorCode;
    this.retryAfter = retryAfter;
    this.envelope = envelope;
  }

  /**
   * Reads an error response: the typed error when its body is the envelope, `null` for anything
   * else (a success, a body that is not JSON, JSON of another shape, no body, a body already read).
   * Never throws, and reads a copy of the body: the response's own body is left for the caller (to
   * pass on an HTML 502, say). The correlation id comes from the body, else from the response header.
   *
   * @example
   * const error = await CodatApiError.fromResponse(response);
   * if (error?.statusCode === 429) await sleep((error.retryAfter ?? 1) * 1000);
   */
  static async fromResponse(response: Response, options: FromResponseOptions = {}): Promise<CodatApiError | null> {
    try {
      if (response.ok) return null;
      const body: unknown = JSON.parse(await response.clone().text());
      const header = response.headers.get(options.correlationHeader ?? defaultCorrelationHeader);
      const envelope =
        typeof body === 'object' && body !== null && !('correlationId' in body) && header !== null
          ? { ...body, correlationId: header }
          : body;
      if (!isErrorEnvelope(envelope)) return null;
      return new CodatApiError(
        envelope,
        parseRetryAfter(response.headers.get('retry-after'), options.now ?? Date.now()),
      );
    } catch {
      // A body that cannot be read or parsed is simply not an envelope.
      return null;
    }
  }
}

/**
 * Seconds to wait from a `Retry-After` value: delta-seconds as they are, an HTTP-date as the whole
 * seconds from `now` until then (0 when past); `undefined` when absent or unreadable.
 *
 * @example
 * parseRetryAfter('120'); // 120
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')); // 60
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP-date starts with the day's name; anything else that Date.parse would guess at is refused.
  const date = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
