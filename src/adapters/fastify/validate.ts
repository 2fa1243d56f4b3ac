import {
  createRequestCheck,
  replaceQuery,
  type RequestSchemas,
  type ValidateOptions,
} from '../../core/request-check.js';

/** The parts of a Fastify request that `validate` reads and replaces. */
export interface FastifyValidateRequest {
  body?: unknown;
  query?: unknown;
  params?: unknown;
}

export type FastifyValidateHook = (request: FastifyValidateRequest, reply: unknown) => Promise<void>;

/**
 * A Fastify `preHandler` hook that checks the request's body, query and params with Standard Schema
 * validators (zod, valibot, arktype) or Ajv validate functions, for routes not checked by Fastify's
 * own `schema`. Every issue of every part is one 400 `BadRequest`; on success the parsed values
 * replace `request.body`, `request.query` and `request.params`.
 *
 * @example
 * app.post('/companies', { preHandler: validate({ body: CreateCompany }) }, async (request) => request.body);
 */
export function validate(schemas: RequestSchemas, options?: ValidateOptions): FastifyValidateHook {
  const check = createRequestCheck(schemas, options);
  return async function validateRequest(request) {
    const values = await check({ body: request.body, query: request.query, params: request.params });
    if ('body' in values) request.body = values.body;
    if ('query' in values) replaceQuery(request, values.query);
    if ('params' in values) request.params = values.params;
  };
}
