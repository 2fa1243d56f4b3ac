// What validate() of codat-errors/express does to Express's own request: the shared cases are in
// test/frameworks/validate.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from 'codat-errors/express';
import { companySchemas, validBody } from '../../support/company-schemas.ts';
import { expressMajors, serveExpress } from '../../support/express-app.ts';
import { request } from '../../support/serve.ts';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

for (const [expressName, express] of expressMajors) {
  for (const schemas of companySchemas) {
    describe(`${expressName}: validate() with ${schemas.validator}`, async () => {
      const { url } = await serveExpress(express, (app) => {
        app.use(express.json());
        app.post(
          '/companies/:id',
          validate(
            { body: schemas.body, query: schemas.query, params: schemas.params },
            { validatorName: 'CreateCompany' },
          ),
          (req, res) => {
            res.json({ body: req.body, query: req.query, params: req.params, url: req.url });
          },
        );
      });

      it('replaces req.body, req.query (a getter in Express 5) and req.params with the parsed values, and leaves req.url', async () => {
        const reply = await request(`${url}/companies/42?limit=10`, json(validBody));
        assert.equal(reply.status, 200);
        assert.deepEqual(reply.body, {
          body: { name: 'Acme', email: 'ops@acme.example', employees: 3 },
          query: { limit: 10 },
          params: { id: 42 },
          url: '/companies/42?limit=10',
        });
      });
    });
  }
}
