import { isCodatError, isErrorStatus, reasonPhrase, type CodatError, type Validation, type ValidationItem } from './errors/codat-error.js';
import { safeHeaders, type HeaderList } from './headers.js';

/** What the envelope and the response need of a thrown value, already masked. */
export interface Problem {
  readonly status: number;
  /** The envelope's `error` text. */
  readonly error: string;
  /** The service this error names instead of the configured one. */
  readonly service: string | undefined;
  readonly validation: Validation | undefined;
  readonly headers: HeaderList;
}

/** Headers that foreign errors (http-errors, Boom, body parsers) may set on the response. */
export const foreignHeaderAllowlist: ReadonlySet<string> = new Set(['allow', 'retry-after', 'www-authenticate']);

export const internalServerError: Problem = Object.freeze({
  status: 500,
  error: reasonPhrase(500),
  service: undefined,
  validation: undefined,
  headers: [],
});

/**
 * Maps any thrown value to a Problem: the package's own errors as declared; any other error with an
 * integer status in 400–599 keeps it (and its message only when exposed and below 500); everything
 * else is a 500 that shows nothing of what was thrown.
 */
export function normalize(thrown: unknown): Problem {
  try {
    if (isCodatError(thrown)) return fromCatalog(thrown);
    if ((typeof thrown === 'object' && thrown !== null) || typeof thrown === 'function') {
      return fromForeign(thrown as Record<string, unknown>);
    }
  } catch {
    // A getter or Proxy trap that throws: the value cannot be trusted for anything.
  }
  return internalServerError;
}

function fromCatalog(error: CodatError): Problem {
  const status = error.status;
  if (!isErrorStatus(status)) return internalServerError;
  const exposed = error.expose === true;
  return {
    status,
    error: exposed ? errorText(error.exception, error.message, status) : reasonPhrase(status),
    service: typeof error.service === 'string' && error.service !== '' ? error.service : undefined,
    validation: exposed ? safeValidation(error.validation) : undefined,
    headers: safeHeaders(error.headers),
  };
}

function fromForeign(error: Record<string, unknown>): Problem {
  const boom = error.isBoom === true ? (error.output as Record<string, unknown> | undefined) : undefined;
  const status = [error.status, error.statusCode, boom?.statusCode].find(isErrorStatus);
  if (status === undefined) return internalServerError;
  const exposed = status < 500 && (boom !== undefined || error.expose === true);
  return {
    status,
    error: exposed ? errorText(undefined, foreignMessage(error), status) : reasonPhrase(status),
    service: undefined,
    validation: undefined,
    headers: safeHeaders(boom ? boom.headers : error.headers, foreignHeaderAllowlist),
  };
}

/** body-parser's JSON parse error quotes the request body (and words it per Node version): a fixed text instead. */
function foreignMessage(error: Record<string, unknown>): unknown {
  return error.type === 'entity.parse.failed' ? 'Request body is not valid JSON' : error.message;
}

function errorText(exception: unknown, message: unknown, status: number): string {
  const text = typeof message === 'string' && message !== '' ? message : reasonPhrase(status);
  return typeof exception === 'string' && exception !== '' ? `${exception}: ${text}` : text;
}

function safeValidation(validation: unknown): Validation | undefined {
  if (typeof validation !== 'object' || validation === null) return undefined;
  const { errors, warnings } = validation as Record<string, unknown>;
  return { errors: safeItems(errors), warnings: safeItems(warnings) };
}

/** Items rebuilt key by key, in contract order, with nothing but the three known string fields. */
function safeItems(items: unknown): ValidationItem[] {
  if (!Array.isArray(items)) return [];
  const safe: ValidationItem[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null || typeof item.message !== 'string') continue;
    const { itemId, message, validatorName } = item as Record<string, unknown>;
    safe.push({
      ...(typeof itemId === 'string' && { itemId }),
      message: message as string,
      ...(typeof validatorName === 'string' && { validatorName }),
    });
  }
  return safe;
}
