import type { Validation, ValidationItem } from '../contract/envelope.js';
import { isErrorStatus, reasonPhrase } from '../contract/status.js';
import { isCodatError, type CodatError } from '../errors/index.js';
import { safeHeaders, type HeaderList } from './headers.js';
import { capText, defaultLimits, type Limits } from './limits.js';

/** What the envelope and the response need of a thrown value, already masked. */
export interface Problem {
  readonly status: number;
  /** The envelope's `error` text. */
  readonly error: string;
  /** The service this error names instead of the configured one. */
  readonly service: string | undefined;
  readonly validation: Validation | undefined;
  readonly headers: HeaderList;
  /** Codat's fields as the error sets them (never masked: they say nothing secret); the envelope fills the other. */
  readonly canBeRetried: string | undefined;
  readonly detailedErrorCode: number | undefined;
}

/** Headers that foreign errors (http-errors, Boom, body parsers) may set on the response. */
export const foreignHeaderAllowlist: ReadonlySet<string> = new Set(['allow', 'retry-after', 'www-authenticate']);

export const internalServerError: Problem = Object.freeze({
  status: 500,
  error: reasonPhrase(500),
  service: undefined,
  validation: undefined,
  headers: [],
  canBeRetried: undefined,
  detailedErrorCode: undefined,
});

/**
 * Maps any thrown value to a Problem: the package's own errors as declared; any other error with an
 * integer status in 400–599 keeps it (and its message only when exposed and below 500); everything
 * else is a 500 that shows nothing of what was thrown.
 */
export function normalize(thrown: unknown, limits: Limits = defaultLimits): Problem {
  try {
    if (isCodatError(thrown)) return fromCatalog(thrown, limits);
    if ((typeof thrown === 'object' && thrown !== null) || typeof thrown === 'function') {
      return fromForeign(thrown as Record<string, unknown>, limits);
    }
  } catch {
    // A getter or Proxy trap that throws: the value cannot be trusted for anything.
  }
  return internalServerError;
}

/** The Problem of an error status that the app set without a body (an unmatched route, say). */
export function statusProblem(status: number): Problem {
  if (!isErrorStatus(status)) return internalServerError;
  return {
    status,
    error: reasonPhrase(status),
    service: undefined,
    validation: undefined,
    headers: [],
    canBeRetried: undefined,
    detailedErrorCode: undefined,
  };
}

function fromCatalog(error: CodatError, limits: Limits): Problem {
  const status = error.status;
  if (!isErrorStatus(status)) return internalServerError;
  const exposed = error.expose === true;
  return {
    status,
    error: exposed ? errorText(error.exception, error.message, status, limits) : reasonPhrase(status),
    service:
      typeof error.service === 'string' && error.service !== ''
        ? capText(error.service, limits.fieldLength)
        : undefined,
    validation: exposed ? safeValidation(error.validation, limits) : undefined,
    headers: safeHeaders(error.headers),
    // Checked again: another copy of the package, or a cast, may have put anything there.
    canBeRetried: typeof error.canBeRetried === 'string' ? capText(error.canBeRetried, limits.fieldLength) : undefined,
    detailedErrorCode: Number.isSafeInteger(error.detailedErrorCode) ? error.detailedErrorCode : undefined,
  };
}

function fromForeign(error: Record<string, unknown>, limits: Limits): Problem {
  const boom = error.isBoom === true ? (error.output as Record<string, unknown> | undefined) : undefined;
  const status = [error.status, error.statusCode, boom?.statusCode].find(isErrorStatus);
  if (status === undefined) return internalServerError;
  const exposed = status < 500 && (boom !== undefined || error.expose === true);
  return {
    status,
    error: exposed ? errorText(undefined, foreignMessage(error), status, limits) : reasonPhrase(status),
    service: undefined,
    validation: undefined,
    headers: safeHeaders(boom ? boom.headers : error.headers, foreignHeaderAllowlist),
    canBeRetried: undefined,
    detailedErrorCode: undefined,
  };
}

/** body-parser's JSON parse error quotes the request body (and words it per Node version): a fixed text instead. */
function foreignMessage(error: Record<string, unknown>): unknown {
  return error.type === 'entity.parse.failed' ? 'Request body is not valid JSON' : error.message;
}

function errorText(exception: unknown, message: unknown, status: number, limits: Limits): string {
  const text = typeof message === 'string' && message !== '' ? message : reasonPhrase(status);
  const error = typeof exception === 'string' && exception !== '' ? `${exception}: ${text}` : text;
  return capText(error, limits.errorLength);
}

function safeValidation(validation: unknown, limits: Limits): Validation | undefined {
  if (typeof validation !== 'object' || validation === null) return undefined;
  const { errors, warnings } = validation as Record<string, unknown>;
  return { errors: safeItems(errors, limits), warnings: safeItems(warnings, limits) };
}

/**
 * Items rebuilt key by key, in contract order, with nothing but the three known fields: numbers and
 * booleans become strings, anything else is dropped, and so is an item left without a message.
 */
function safeItems(items: unknown, limits: Limits): ValidationItem[] {
  if (!Array.isArray(items)) return [];
  const safe: ValidationItem[] = [];
  for (const item of items) {
    if (safe.length === limits.items) break;
    if (typeof item !== 'object' || item === null) continue;
    const message = field(item.message, limits);
    if (message === undefined) continue;
    const itemId = field(item.itemId, limits);
    const validatorName = field(item.validatorName, limits);
    safe.push({
      ...(itemId !== undefined && { itemId }),
      message,
      ...(validatorName !== undefined && { validatorName }),
    });
  }
  return safe;
}

function field(value: unknown, limits: Limits): string | undefined {
  const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  return typeof text === 'string' ? capText(text, limits.fieldLength) : undefined;
}
