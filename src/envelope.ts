import type { Validation } from './errors/codat-error.js';
import { resolveLimits, type Limits } from './limits.js';
import { normalize, type Problem } from './normalize.js';

export { isErrorEnvelope } from './envelope-shape.js';

/** The body of every error response, keys in this order. */
export interface ErrorEnvelope {
  statusCode: number;
  service: string;
  error: string;
  correlationId: string;
  validation?: Validation;
}

export interface EnvelopeContext {
  /** Service named when the error names none. Defaults to `PublicApi`. */
  service?: string | undefined;
  correlationId: string;
  /** Caps on the `error` text and on validation items; see the README for the defaults. */
  limits?: Partial<Limits> | undefined;
}

export const defaultService = 'PublicApi';

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
 * The envelope for any thrown value, with no framework involved: the exact mapping the middleware uses.
 *
 * @example
 * toEnvelope(new NotFound('No such invoice'), { correlationId: 'abc' });
 * // { statusCode: 404, service: 'PublicApi', error: 'No such invoice', correlationId: 'abc' }
 */
export function toEnvelope(thrown: unknown, { service = defaultService, correlationId, limits }: EnvelopeContext): ErrorEnvelope {
  return envelopeOf(normalize(thrown, resolveLimits(limits)), service, correlationId);
}
