import { isErrorStatus, type Validation } from './errors/codat-error.js';
import { resolveLimits, type Limits } from './limits.js';
import { normalize, type Problem } from './normalize.js';

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

const envelopeKeys = ['statusCode', 'service', 'error', 'correlationId', 'validation'];
const itemKeys = new Set(['itemId', 'message', 'validatorName']);

/**
 * True when `value` has exactly the envelope's shape (as parsed from a response body, say).
 *
 * @example
 * const body: unknown = await response.json();
 * if (isErrorEnvelope(body)) console.error(body.correlationId);
 */
export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const envelope = value as Record<string, unknown>;
  return (
    Object.keys(envelope).every((key) => envelopeKeys.includes(key)) &&
    isErrorStatus(envelope.statusCode) &&
    typeof envelope.service === 'string' &&
    typeof envelope.error === 'string' &&
    typeof envelope.correlationId === 'string' &&
    (envelope.validation === undefined || isValidation(envelope.validation))
  );
}

function isValidation(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { errors, warnings, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length === 0 && isItemList(errors) && isItemList(warnings);
}

function isItemList(value: unknown): boolean {
  return Array.isArray(value) && value.every(isItem);
}

function isItem(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    Object.keys(item).every((key) => itemKeys.has(key)) &&
    typeof item.message === 'string' &&
    (item.itemId === undefined || typeof item.itemId === 'string') &&
    (item.validatorName === undefined || typeof item.validatorName === 'string')
  );
}
