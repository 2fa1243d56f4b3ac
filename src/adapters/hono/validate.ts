import type { Context, MiddlewareHandler } from 'hono';
import { createRequestCheck, type RequestSchemas, type ValidateOptions } from '../../core/request-check.js';
import { BadRequest } from '../../errors/index.js';
import { itemsFromIssues } from '../../validation/issues.js';
import type { StandardSchemaV1 } from '../../validation/standard-schema.js';

/** Hono's names of the request's parts (its validation targets), as `validate()` names them in an `itemId`. */
const partPrefixes: Readonly<Record<string, string>> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'params',
  header: 'headers',
  cookie: 'cookies',
};

/** What `@hono/standard-validator` gives its hook. */
export type ValidationResult =
  | { success: true; target: string }
  | { success: false; target: string; error: readonly StandardSchemaV1.Issue[] };

/**
 * The hook of `@hono/standard-validator`'s `sValidator(target, schema, hook)`: a failure throws one
 * 400 `BadRequest` with an item per issue, `itemId` prefixed with the part (`json` → `body`, `query`,
 * `param` → `params`), which `codatErrors()` answers as the envelope.
 *
 * @example
 * app.post('/companies', sValidator('json', CreateCompany, validationHook), (c) => c.json(c.req.valid('json')));
 */
export function validationHook(result: ValidationResult, _c?: unknown): void {
  if (result.success) return;
  const pathPrefix = partPrefixes[result.target] ?? result.target;
  throw new BadRequest(undefined, { validation: { errors: itemsFromIssues(result.error, { pathPrefix }) } });
}

/**
 * Hono middleware that checks the request's JSON body, query and params with Standard Schema
 * validators (zod, valibot, arktype) or Ajv validate functions: every issue of every part is one 400
 * `BadRequest`; on success the parsed values are `c.req.valid('json')`, `c.req.valid('query')` and
 * `c.req.valid('param')`.
 *
 * @example
 * app.post('/companies/:id', validate({ body: CreateCompany, params: CompanyParams }), (c) => c.json(c.req.valid('json')));
 */
export function validate(schemas: RequestSchemas, options?: ValidateOptions): MiddlewareHandler {
  const check = createRequestCheck(schemas, options);
  const readsBody = schemas.body !== undefined;
  return async function validateRequest(c, next) {
    const values = await check({
      body: readsBody ? await jsonBody(c) : undefined,
      query: c.req.query(),
      params: c.req.param(),
    });
    if ('body' in values) c.req.addValidatedData('json', values.body as object);
    if ('query' in values) c.req.addValidatedData('query', values.query as object);
    if ('params' in values) c.req.addValidatedData('param', values.params as object);
    await next();
  };
}

/** The request's JSON body (undefined when empty); invalid JSON is a 400 with a fixed message, as on Express. */
async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequest('Request body is not valid JSON', { cause: error });
  }
}
