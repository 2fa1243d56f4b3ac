// express.json()'s own errors: malformed JSON and a body over its limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { envelopeText } from '../../support/envelope-text.ts';
import { expressMajors, serveExpress } from '../../support/express-app.ts';
import { request } from '../../support/serve.ts';

for (const [expressName, express] of expressMajors) {
  describe(`${expressName}: express.json() body errors`, async () => {
    const { url } = await serveExpress(express, (app) => {
      app.use(express.json({ limit: 64 }));
      app.post('/companies', (req, res) => { res.json(req.body); });
    });
    const post = (body: string) => request(`${url}/companies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    it('answers malformed JSON with a 400 that does not quote the body', async () => {
      const reply = await post('{"name": password=hunter2');
      assert.equal(reply.status, 400);
      assert.equal(reply.text, envelopeText({ statusCode: 400, service: 'PublicApi', error: 'Request body is not valid JSON' }, reply.headers.get('x-correlation-id')!));
    });

    it('answers a body over the limit with a 413', async () => {
      const reply = await post(JSON.stringify({ name: 'x'.repeat(100) }));
      assert.equal(reply.status, 413);
      assert.equal(reply.text, envelopeText({ statusCode: 413, service: 'PublicApi', error: 'request entity too large' }, reply.headers.get('x-correlation-id')!));
    });

    it('lets a valid body through', async () => {
      const reply = await post('{"name":"Acme"}');
      assert.equal(reply.status, 200);
      assert.equal(reply.text, '{"name":"Acme"}');
    });
  });
}
