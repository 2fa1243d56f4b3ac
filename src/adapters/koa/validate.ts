import {
  createRequestCheck,
  replaceQuery,
  type RequestPart,
  type RequestSchemas,
  type RequestValues,
  type ValidateOptions,
} from '../../core/request-check.js';

type Only<Values, Parts extends RequestPart> = {
  [Part in keyof Values as Part extends Parts ? Part : never]: Values[Part];
};

/**
 * The part of a Koa context (with `@koa/router`'s params and a body parser's body) that `validate`
 * reads, typed with the parsed values of the parts `Schemas` checks: `ctx.request.body`, `ctx.query`
 * (and `ctx.request.query`), `ctx.params` (and `ctx.request.params`). A router or `app.use` merges it
 * into the context of the handlers after `validate`.
 */
export type KoaValidateContext<Schemas extends RequestSchemas = RequestSchemas> = {
  request: RequestValues<Schemas>;
} & Only<RequestValues<Schemas>, 'query' | 'params'>;

export type KoaValidateMiddleware<Schemas extends RequestSchemas = RequestSchemas> = (
  ctx: KoaValidateContext<Schemas>,
  next: () => Promise<unknown>,
) => Promise<void>;

/**
 * Koa route middleware that checks the request's body, query and params with Standard Schema
 * validators (zod, valibot, arktype) or Ajv validate functions. Every issue of every part goes into
 * one 400 envelope; on success the parsed values replace the raw ones: `ctx.request.body`,
 * `ctx.query` (and `ctx.request.query`), `ctx.params` (and `ctx.request.params`), typed from the
 * schemas for the handlers after it.
 *
 * @example
 * router.post('/companies/:id', validate({ params: z.object({ id: z.uuid() }), body: CreateCompany }), (ctx) => {
 *   ctx.body = ctx.request.body; // the parsed body
 * });
 */
export function validate<Schemas extends RequestSchemas>(
  schemas: Schemas,
  options?: ValidateOptions,
): KoaValidateMiddleware<Schemas> {
  const check = createRequestCheck(schemas, options);
  return async function validateRequest(ctx: { request: RequestValues; params?: unknown }, next) {
    const request = ctx.request;
    const values: RequestValues = await check({ body: request.body, query: request.query, params: ctx.params });
    if ('body' in values) request.body = values.body;
    if ('query' in values) replaceQuery(request, values.query);
    if ('params' in values) ctx.params = request.params = values.params;
    await next();
  };
}
