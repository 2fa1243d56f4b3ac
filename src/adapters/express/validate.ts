import {
  createRequestCheck,
  replaceQuery,
  type RequestSchemas,
  type ValidateOptions,
} from '../../core/request-check.js';

/** The parts of an Express request that `validate` reads and replaces. */
export interface ExpressValidateRequest {
  body?: unknown;
  query?: unknown;
  params?: unknown;
}

export type ExpressValidateMiddleware = (
  req: ExpressValidateRequest,
  res: unknown,
  next: (error?: unknown) => void,
) => void;

/**
 * Express route middleware that checks the request's body, query and params with Standard Schema
 * validators (zod, valibot, arktype) or Ajv validate functions. Every issue of every part goes to
 * `next(err)` as one 400 `BadRequest`; on success the parsed values replace `req.body`, `req.query`
 * and `req.params`.
 *
 * @example
 * app.post('/companies', express.json(), validate({ body: CreateCompany }), (req, res) => {
 *   res.json(req.body); // the parsed body
 * });
 */
export function validate(schemas: RequestSchemas, options?: ValidateOptions): ExpressValidateMiddleware {
  const check = createRequestCheck(schemas, options);
  return function validateRequest(req, _res, next) {
    check({ body: req.body, query: req.query, params: req.params })
      .then((values) => {
        if ('body' in values) req.body = values.body;
        if ('query' in values) replaceQuery(req, values.query);
        if ('params' in values) req.params = values.params;
      })
      .then(() => next(), next);
  };
}
