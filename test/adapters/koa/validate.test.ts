// What validate() of codat-errors does to Koa's own context: the shared cases are in
// test/frameworks/validate.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyParser } from '@koa/bodyparser';
import { validate } from 'codat-errors';
import { companySchemas, validBody } from '../../support/company-schemas.ts';
import { koaMajors, serveKoa } from '../../support/koa-app.ts';
import { request } from '../../support/serve.ts';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

for (const [koaName, Koa] of koaMajors) {
  for (const schemas of companySchemas) {
    describe(`${koaName}: validate() with ${schemas.validator}`, async () => {
      const { url } = await serveKoa(Koa, (app, router) => {
        app.use(bodyParser());
        router.post(
          '/companies/:id',
          validate(
            { body: schemas.body, query: schemas.query, params: schemas.params },
            { validatorName: 'CreateCompany' },
          ),
          (ctx) => {
            ctx.body = {
              body: ctx.request.body,
              query: ctx.query,
              requestQuery: ctx.request.query,
              querystring: ctx.querystring,
              params: ctx.params,
            };
          },
        );
      });

      it('hands the handler the parsed values: body stripped, query and params as numbers, querystring raw', async () => {
        const reply = await request(`${url}/companies/42?limit=10`, json(validBody));
        assert.equal(reply.status, 200);
        assert.deepEqual(reply.body, {
          body: { name: 'Acme', email: 'ops@acme.example', employees: 3 },
          query: { limit: 10 },
          requestQuery: { limit: 10 },
          querystring: 'limit=10',
          params: { id: 42 },
        });
      });
    });
  }
}
