// validate() of codat-errors/express, with the adapter's own error handler.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express5 from 'express';
// @ts-expect-error: Express 4 is installed under an alias and has no types of its own here.
import express4 from 'express4';
import { codatErrors, validate } from 'codat-errors/express';
import { companySchemas, invalidBody, validBody } from '../../support/company-schemas.ts';
import { envelopeText } from '../../support/envelope-text.ts';
import { request, serve } from '../../support/serve.ts';

const correlationId = 'express-test';
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const badRequest = (errors: unknown[]) => ({ statusCode: 400, service: 'PublicApi', error: 'Bad Request', validation: { errors, warnings: [] } });

const errors = codatErrors({ generateId: () => correlationId });

for (const [expressName, express] of [['Express 5', express5], ['Express 4', express4]] as const) {
  for (const schemas of companySchemas) {
    describe(`${expressName}: validate() with ${schemas.validator}`, async () => {
      const app = (express as typeof express5)();
      app.use(errors.correlation);
      app.use(express5.json());
      app.post('/companies/:id', validate({ body: schemas.body, query: schemas.query, params: schemas.params }, { validatorName: 'CreateCompany' }), (req, res) => {
        res.json({ body: req.body, query: req.query, params: req.params, url: req.url });
      });
      app.use(errors.handler);
      const { url } = await serve(app);

      it('answers three invalid fields with one 400 envelope naming the three', async () => {
        const reply = await request(`${url}/companies/42?limit=10`, json(invalidBody));
        assert.equal(reply.status, 400);
        assert.equal(reply.text, envelopeText(badRequest(schemas.items.body), correlationId));
      });

      it('reports every invalid part in one envelope: body, then query, then params', async () => {
        const reply = await request(`${url}/companies/abc?limit=0`, json(invalidBody));
        assert.equal(reply.status, 400);
        const { body, query, params } = schemas.items;
        assert.equal(reply.text, envelopeText(badRequest([...body, ...query, ...params]), correlationId));
      });

      it('replaces req.body, req.query (a getter in Express 5) and req.params with the parsed values', async () => {
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
