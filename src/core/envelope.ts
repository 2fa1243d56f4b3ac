// A Problem becomes the envelope here, as an object and as bytes, side by side: a property test holds
// the bytes equal to `JSON.stringify` of the object.
import {
  defaultCanBeRetried,
  defaultDetailedErrorCode,
  defaultService,
  type ErrorEnvelope,
} from '../contract/envelope.js';
import { newCorrelationId } from '../correlation/correlator.js';
import { resolveLimits, type Limits } from './limits.js';
import { normalize, type Problem } from './normalize.js';

export interface EnvelopeContext {
  /** Service named when the error names none. Defaults to `PublicApi`. */
  service?: string | undefined;
  /** The request's id. Defaults to a new one. */
  correlationId?: string | undefined;
  /** Caps on the `error` text and on validation items; see the README for the defaults. */
  limits?: Partial<Limits> | undefined;
  /** Put `canBeRetried` and `detailedErrorCode` in the envelope even when the error sets neither. Default false. */
  codatFields?: boolean | undefined;
}

/** Codat's two fields go together: both when asked for or when the error sets either, else neither. */
function hasCodatFields(problem: Problem, codatFields: boolean): boolean {
  return codatFields || problem.canBeRetried !== undefined || problem.detailedErrorCode !== undefined;
}

/** The envelope object, keys in contract order. */
export function envelopeOf(
  problem: Problem,
  service: string,
  correlationId: string,
  codatFields = false,
): ErrorEnvelope {
  const envelope: ErrorEnvelope = {
    statusCode: problem.status,
    service: problem.service ?? service,
    error: problem.error,
    correlationId,
  };
  if (problem.validation) envelope.validation = problem.validation;
  if (hasCodatFields(problem, codatFields)) {
    envelope.canBeRetried = problem.canBeRetried ?? defaultCanBeRetried;
    envelope.detailedErrorCode = problem.detailedErrorCode ?? defaultDetailedErrorCode;
  }
  return envelope;
}

/**
 * The bytes of `JSON.stringify(envelopeOf(…))`, written key by key: a third of the time of stringifying
 * the object.
 */
export function envelopeJson(problem: Problem, service: string, correlationId: string, codatFields = false): string {
  const validation = problem.validation ? `,"validation":${JSON.stringify(problem.validation)}` : '';
  // `${-0}` is "0", as JSON.stringify writes it.
  const codat = hasCodatFields(problem, codatFields)
    ? `,"canBeRetried":${JSON.stringify(problem.canBeRetried ?? defaultCanBeRetried)}` +
      `,"detailedErrorCode":${problem.detailedErrorCode ?? defaultDetailedErrorCode}`
    : '';
  return (
    `{"statusCode":${problem.status},"service":${JSON.stringify(problem.service ?? service)}` +
    `,"error":${JSON.stringify(problem.error)},"correlationId":${JSON.stringify(correlationId)}${validation}${codat}}`
  );
}

/**
 * The envelope for any thrown value, with no framework involved: the exact mapping the middleware uses.
 * Without a context, the service is `PublicApi` and the id a new one.
 *
 * @example
 * toEnvelope(new NotFound('No such invoice'), { correlationId: 'abc' });
 * // { statusCode: 404, service: 'PublicApi', error: 'No such invoice', correlationId: 'abc' }
 */
export function toEnvelope(thrown: unknown, context: EnvelopeContext = {}): ErrorEnvelope {
  // `?? {}`: plain JavaScript may pass null.
  const { service = defaultService, correlationId = newCorrelationId(), limits, codatFields = false } = context ?? {};
  return envelopeOf(normalize(thrown, resolveLimits(limits)), service, correlationId, codatFields);
}
