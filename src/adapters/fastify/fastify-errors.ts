// Fastify's own errors, turned into what the core reads: its schema validation into validation items,
// its JSON parse failure into the fixed text Express's gets. Every other error keeps its status as is.
import { BadRequest } from '../../errors/index.js';
import { itemsFromAjv, type AjvError } from '../../validation/ajv.js';

/** The fields of Fastify's `FST_ERR_VALIDATION` that the items come from. */
interface ValidationFailure {
  code: 'FST_ERR_VALIDATION';
  validation: readonly AjvError[];
  validationContext?: unknown;
}

/** Fastify's names of the request's parts, as `validate()` names them in an `itemId`. */
const partPrefixes: Readonly<Record<string, string>> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/**
 * What the engine is given for a value Fastify's error handler received; Fastify's own error stays
 * the `cause`, for the logger.
 */
export function fromFastify(error: unknown): unknown {
  try {
    return translated(error);
  } catch {
    // A getter or Proxy trap that throws: the core makes it the 500 it is.
    return error;
  }
}

function translated(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return new BadRequest('Request body is not valid JSON', { cause: error });
  if (code === 'FST_ERR_VALIDATION' && Array.isArray((error as ValidationFailure).validation)) {
    const { validation, validationContext } = error as ValidationFailure;
    const pathPrefix = typeof validationContext === 'string' ? partPrefixes[validationContext] : undefined;
    return new BadRequest(undefined, {
      validation: { errors: itemsFromAjv(validation, { pathPrefix }) },
      cause: error,
    });
  }
  return error;
}
