import {
  createRequestCheck,
  replaceQuery,
  type RequestSchemas,
  type RequestValues,
  type ValidateOptions,
} from '../../core/request-check.js';

/**
 * The parts of an Express request that `validate` reads and replaces, typed with the parsed values of
 * the parts `Schemas` checks: Express's route methods infer the handlers' `req.body`, `req.query` and
 * `req.params` from it.
 */
export type ExpressValidateRequest<Schemas extends RequestSchemas = RequestSchemas> = RequestValues<Schemas>;

export type ExpressValidateMiddleware<Schemas extends RequestSchemas = RequestSchemas> = (
  req: ExpressValidateRequest<Schemas>,
  res: unknown,
  next: (error?: unknown) => void,
) => void;

/**
 * Express route middleware that checks the request's body, query and params with Standard Schema
 * validators (zod, valibot, arktype) or Ajv validate functions. Every issue of every part goes to
 * `next(err)` as one 400 `BadRequest`; on success the parsed values replace `req.body`, `req.query`
 * and `req.params`, typed from the schemas for the handlers after it.
 *
 * @example
 * app.post('/companies', express.json(), validate({ body: CreateCompany }), (req, res) => {
 *   res.json(req.body); // the parsed body
 * });
 */
export function validate<Schemas extends RequestSchemas>(
  schemas: Schemas,
  options?: ValidateOptions,
): ExpressValidateMiddleware<Schemas> {
  const check = createRequestCheck(schemas, options);
  return function validateRequest(req: RequestValues, _res, next) {
    check({ body: req.body, query: req.query, params: req.params })
      .then((values: RequestValues) => {
        if ('body' in values) req.body = values.body;
        if ('query' in values) replaceQuery(req, values.query);
        if ('params' in values) req.params = values.params;
      })
      .then(() => next(), next);
  };
}
