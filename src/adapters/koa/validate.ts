import {
  createRequestCheck,
  replaceQuery,
  type RequestSchemas,
  type ValidateOptions,
} from '../../core/request-check.js';

/** The part of a Koa context (with `@koa/router`'s params and a body parser's body) that `validate` uses. */
export interface KoaValidateContext {
  request: object;
  params?: unknown;
}

export type KoaValidateMiddleware = (ctx: KoaValidateContext, next: () => Promise<unknown>) => Promise<void>;

/**
 * Koa route middleware that checks the request's body, query and params with Standard Schema
 * validators (zod, valibot, arktype) or Ajv validate functions. Every issue of every part goes into
 * one 400 envelope; on success the parsed values replace the raw ones: `ctx.request.body`,
 * `ctx.query` (and `ctx.request.query`), `ctx.params` (and `ctx.request.params`).
 *
 * @example
 * router.post('/companies/:id', validate({ params: z.object({ id: z.uuid() }), body: CreateCompany }), (ctx) => {
 *   ctx.body = ctx.request.body; // the parsed body
 * });
 */
export function validate(schemas: RequestSchemas, options?: ValidateOptions): KoaValidateMiddleware {
  const check = createRequestCheck(schemas, options);
  return async function validateRequest(ctx, next) {
    const request = ctx.request as { body?: unknown; query?: unknown; params?: unknown };
    const values = await check({ body: request.body, query: request.query, params: ctx.params });
    if ('body' in values) request.body = values.body;
    if ('query' in values) replaceQuery(request, values.query);
    if ('params' in values) ctx.params = request.params = values.params;
    await next();
  };
}
