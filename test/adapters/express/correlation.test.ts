// The ids the Express adapter stamps: on req, res.locals and the header, from the configured header.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codatErrors, NotFound, Unauthorized } from 'codat-errors/express';
import { envelopeText } from '../../support/envelope-text.ts';
import { expressMajors, serveExpress } from '../../support/express-app.ts';
import { idPattern } from '../../support/ids.ts';
import { request, serve } from '../../support/serve.ts';

for (const [expressName, express] of expressMajors) {
  describe(`${expressName}: correlation ids`, async () => {
    const { url } = await serveExpress(express, (app) => {
      app.get('/ok', (req, res) => { res.json({ request: req.correlationId, locals: res.locals.correlationId }); });
    });
    const custom = await serveExpress(express, (app) => {
      app.get('/fail', () => { throw new Unauthorized(); });
    }, { correlationHeader: 'X-Request-Id', service: 'Billing' });

    it('stamps req.correlationId and res.locals.correlationId, and passes a success through', async () => {
      const reply = await request(`${url}/ok`);
      assert.equal(reply.status, 200);
      const id = reply.headers.get('x-correlation-id');
      assert.match(id ?? '', idPattern);
      assert.equal(reply.text, JSON.stringify({ request: id, locals: id }));
      assert.equal(reply.headers.get('x-content-type-options'), null);
    });

    it('reuses a valid incoming id and replaces an unusable one', async () => {
      const kept = await request(`${url}/ok`, { headers: { 'x-correlation-id': 'client-id:42' } });
      assert.equal(kept.headers.get('x-correlation-id'), 'client-id:42');
      const replaced = await request(`${url}/ok`, { headers: { 'x-correlation-id': 'a b' } });
      assert.match(replaced.headers.get('x-correlation-id') ?? '', idPattern);
    });

    it('uses the configured header and service', async () => {
      const reply = await request(`${custom.url}/fail`, { headers: { 'x-request-id': 'abc' } });
      assert.equal(reply.status, 401);
      assert.equal(reply.headers.get('x-request-id'), 'abc');
      assert.equal(reply.headers.get('x-correlation-id'), null);
      assert.equal(reply.text, envelopeText({ statusCode: 401, service: 'Billing', error: 'Unauthorized' }, 'abc'));
    });

    it('stamps an id on errors even when the app left out the correlation middleware', async () => {
      const errors = codatErrors();
      const app = express();
      app.get('/fail', () => { throw new NotFound('No invoice'); });
      app.use(errors.handler);
      const bare = await serve(app);
      const reply = await request(`${bare.url}/fail`);
      const id = reply.headers.get('x-correlation-id') ?? '';
      assert.match(id, idPattern);
      assert.equal(reply.text, envelopeText({ statusCode: 404, service: 'PublicApi', error: 'No invoice' }, id));
    });
  });
}
