// A Problem becomes the envelope here, as an object and as bytes, side by side: a property test holds
// the bytes equal to `JSON.stringify` of the object.
import { defaultService, type ErrorEnvelope } from '../contract/envelope.js';
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
}

/** The envelope object, keys in contract order. */
export function envelopeOf(problem: Problem, service: string, correlationId: string): ErrorEnvelope {
  const envelope: ErrorEnvelope = {
    statusCode: problem.status,
    service: problem.service ?? service,
    error: problem.error,
    correlationId,
  };
  if (problem.validation) envelope.validation = problem.validation;
  return envelope;
}

/**
 * The bytes of `JSON.stringify(envelopeOf(…))`, written key by key: a third of the time of stringifying
 * the object.
 */
export function envelopeJson(problem: Problem, service: string, correlationId: string): string {
  const validation = problem.validation ? `,"validation":${JSON.stringify(problem.validation)}` : '';
  return (
    `{"statusCode":${problem.status},"service":${JSON.stringify(problem.service ?? service)}` +
    `,"error":${JSON.stringify(problem.error)},"correlationId":${JSON.stringify(correlationId)}${validation}}`
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
  const { service = defaultService, correlationId = newCorrelationId(), limits } = context ?? {};
  return envelopeOf(normalize(thrown, resolveLimits(limits)), service, correlationId);
}
