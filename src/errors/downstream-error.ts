import type { ErrorEnvelope } from '../contract/envelope.js';
import { isErrorEnvelope } from '../contract/shape.js';
import { CodatError, type ErrorHeaders } from './codat-error.js';
import { retryAfterSeconds } from './retry-after.js';

/** What a client parser gives for a received error response, such as `CodatApiError` of `codat-errors/client`. */
export interface ReceivedError {
  envelope: ErrorEnvelope;
  retryAfter?: number | undefined;
}

export interface DownstreamErrorOptions {
  /** Extra response headers. */
  headers?: ErrorHeaders;
  cause?: unknown;
}

/**
 * An error envelope received from another service, rethrown as this service's own error. It keeps
 * the downstream `statusCode`, `service`, `error`, `validation`, `canBeRetried` and `detailedErrorCode`
 * (and `Retry-After` from a parsed response), so the envelope travels unchanged; with the correlation id passed downstream, the
 * bytes are the same. A downstream 5xx is masked like any 5xx: its reason phrase only.
 *
 * @example
 * const response = await fetch(url, { headers: { 'x-correlation-id': ctx.state.correlationId } });
 * const received = await CodatApiError.fromResponse(response);
 * if (received) throw new DownstreamError(received);
 */
export class DownstreamError extends CodatError {
  static override exception: string | undefined = undefined;

  /** The id the downstream service gave its response, for the logs. */
  readonly downstreamCorrelationId: string;

  constructor(received: ErrorEnvelope | ReceivedError, options: DownstreamErrorOptions = {}) {
    // `fromResponse` gives null for a response that is not an envelope: that must fail here, clearly.
    const parsed = typeof received === 'object' && received !== null && 'envelope' in received ? received : undefined;
    const envelope = parsed ? parsed.envelope : received;
    if (!isErrorEnvelope(envelope)) {
      throw new TypeError(
        `codat-errors: DownstreamError needs an error envelope { statusCode, service, error, correlationId } or a CodatApiError, got ${received === null ? 'null' : typeof received}`,
      );
    }
    const retryAfter = retryAfterSeconds(parsed?.retryAfter);
    const headers =
      retryAfter === undefined ? options.headers : { 'retry-after': String(retryAfter), ...options.headers };
    super(envelope.error, {
      status: envelope.statusCode,
      service: envelope.service,
      ...(envelope.validation && { validation: envelope.validation }),
      ...(envelope.canBeRetried !== undefined && { canBeRetried: envelope.canBeRetried }),
      ...(envelope.detailedErrorCode !== undefined && { detailedErrorCode: envelope.detailedErrorCode }),
      ...(headers && { headers }),
      ...('cause' in options ? { cause: options.cause } : parsed && { cause: parsed }),
    });
    this.downstreamCorrelationId = envelope.correlationId;
  }
}
