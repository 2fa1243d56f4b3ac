import { describe } from '../contract/describe.js';
import { defaultCorrelationHeader } from '../contract/correlation-id.js';
import { defaultService } from '../contract/envelope.js';
import {
  type CorrelationPolicy,
  createCorrelator,
  headersReadBy,
  type IncomingHeaders,
} from '../correlation/correlator.js';
import { isHeaderName } from './headers.js';
import { isLimits, resolveLimits, type Limits } from './limits.js';
import type { ErrorHook, ErrorLogger } from './report.js';

export interface CodatErrorsOptions {
  /** Service named in envelopes. Default `PublicApi`. */
  service?: string | undefined;
  /**
   * Request and response header that carries the correlation id. Default `x-correlation-id`. A list,
   * such as `['x-correlation-id', 'x-request-id', 'request-id']`, takes the id from the first of them that
   * holds a valid one, and echoes it (and sends it on outgoing calls) in the first.
   */
  correlationHeader?: string | readonly string[] | undefined;
  /** Makes a correlation id when the request brings none that can be used. Default `nanoid()`. */
  generateId?: (() => string) | undefined;
  /** Reuse a valid id from the request header. Default true. */
  trustIncomingId?: boolean | undefined;
  /** Receives every mapped error with its correlation id, status, method and path. */
  logger?: ErrorLogger | undefined;
  /** Caps on what an error can put in a response. Default `{ errorLength: 1024, fieldLength: 1024, items: 100 }`. */
  limits?: Partial<Limits> | undefined;
  /**
   * Make the id available to `getCorrelationId()`, the pino mixin and outgoing calls during the request.
   * Default false: it costs every request (see docs/across-services.md).
   */
  asyncContext?: boolean | undefined;
  /** Take the id from an incoming W3C `traceparent` when the correlation header brings none. Default false. */
  traceIdAsCorrelationId?: boolean | undefined;
  /** Called with every mapped error, as the logger is (`recordErrorOnSpan` from `codat-errors/opentelemetry`, say). */
  onError?: ErrorHook | undefined;
  /**
   * Put Codat's `canBeRetried` and `detailedErrorCode` in every envelope: the error's values, else
   * `"Unknown"` and `0`. Default false: only errors that set either carry them.
   */
  codatFields?: boolean | undefined;
}

/** The options checked once, at start-up, into what each request needs. */
export interface Settings {
  readonly service: string;
  /** The header the id is echoed in: the only one, or the first of the list. */
  readonly correlationHeader: string;
  readonly correlate: (headers: IncomingHeaders) => string;
  /** The request headers `correlate` reads. */
  readonly correlationReads: readonly string[];
  readonly logger: ErrorLogger | undefined;
  readonly limits: Limits;
  readonly asyncContext: boolean;
  readonly onError: ErrorHook | undefined;
  readonly codatFields: boolean;
}

const checks: Record<keyof CodatErrorsOptions, [(value: unknown) => boolean, string]> = {
  service: [(v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string such as "PublicApi"'],
  correlationHeader: [
    (v) => isHeaderName(v) || (Array.isArray(v) && v.length > 0 && v.every(isHeaderName)),
    'a header name such as "x-correlation-id", or a non-empty list of them such as ["x-correlation-id", "x-request-id"]',
  ],
  generateId: [(v) => typeof v === 'function', 'a function that returns a new id'],
  trustIncomingId: [(v) => typeof v === 'boolean', 'true or false'],
  logger: [
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as ErrorLogger).warn === 'function' &&
      typeof (v as ErrorLogger).error === 'function',
    'a logger with warn(obj, msg) and error(obj, msg) methods, such as a pino instance',
  ],
  limits: [isLimits, 'an object of positive integers: { errorLength, fieldLength, items }'],
  asyncContext: [(v) => typeof v === 'boolean', 'true or false'],
  traceIdAsCorrelationId: [(v) => typeof v === 'boolean', 'true or false'],
  onError: [(v) => typeof v === 'function', 'a function that receives each mapped error, such as recordErrorOnSpan'],
  codatFields: [(v) => typeof v === 'boolean', 'true or false'],
};

/** Checks the options; an invalid one throws here, at start-up, saying what to pass instead. */
export function resolveOptions(options: CodatErrorsOptions = {}): Settings {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('codat-errors: options must be an object, such as { service: "PublicApi" }');
  }
  for (const [key, value] of Object.entries(options)) {
    const check = checks[key as keyof CodatErrorsOptions];
    if (!check) {
      throw new TypeError(`codat-errors: unknown option "${key}"; the options are ${Object.keys(checks).join(', ')}`);
    }
    if (value !== undefined && !check[0](value)) {
      throw new TypeError(`codat-errors: option "${key}" must be ${check[1]}, got ${describe(value)}`);
    }
  }
  const trustIncomingId = options.trustIncomingId ?? true;
  const traceIdAsCorrelationId = options.traceIdAsCorrelationId ?? false;
  if (traceIdAsCorrelationId && !trustIncomingId) {
    throw new TypeError(
      'codat-errors: option "traceIdAsCorrelationId" reuses an incoming id, which "trustIncomingId: false" forbids; drop one of them',
    );
  }
  const headers = correlationHeaders(options.correlationHeader ?? defaultCorrelationHeader);
  const correlationHeader = headers[0]!;
  const policy: CorrelationPolicy = {
    header: headers.length === 1 ? correlationHeader : headers,
    trustIncomingId,
    generateId: options.generateId,
    traceIdAsCorrelationId,
  };
  return {
    service: options.service ?? defaultService,
    correlationHeader,
    correlate: createCorrelator(policy),
    correlationReads: headersReadBy(policy),
    logger: options.logger,
    limits: resolveLimits(options.limits),
    asyncContext: options.asyncContext ?? false,
    onError: options.onError,
    codatFields: options.codatFields ?? false,
  };
}

/** The header names lower-cased (Node's names for incoming headers), a repeated one read once. */
function correlationHeaders(option: string | readonly string[]): readonly string[] {
  const names = typeof option === 'string' ? [option] : option;
  return [...new Set(names.map((name) => name.toLowerCase()))];
}
