// The example apps of examples/, served in this process.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routes } from '../../examples/routes.js';
import { withExample } from '../support/frameworks.ts';
import { idPattern } from '../support/ids.ts';
import { request } from '../support/serve.ts';

it('the examples have a route for every status of the contract', () => {
  const statuses = new Set(routes.map(([, , status]) => status));
  for (const status of [200, 400, 401, 402, 403, 404, 405, 409, 429, 500, 503])
    assert.ok(statuses.has(status), String(status));
});

for (const framework of withExample) {
  describe(`the ${framework.name} example app`, async () => {
    const { url } = await framework.example();

    it('lists its routes on GET /', async () => {
      const reply = await request(url);
      assert.equal(reply.status, 200);
      assert.deepEqual(
        (reply.body as { routes: string[] }).routes,
        routes.map(([method, path, status]) => `${method} ${path} → ${status}`),
      );
    });

    for (const [method, path, status] of routes.filter(([, , status]) => status >= 400)) {
      it(`${method} ${path} answers ${status} with the envelope and the id header`, async () => {
        const reply = await request(`${url}${path}`, { method });
        assert.equal(reply.status, status);
        const id = reply.headers.get('x-correlation-id');
        assert.match(id ?? '', idPattern);
        const body = reply.body as Record<string, unknown>;
        assert.deepEqual(Object.keys(body).slice(0, 4), ['statusCode', 'service', 'error', 'correlationId']);
        assert.equal(body.statusCode, status);
        assert.equal(body.correlationId, id);
      });
    }

    it('never shows what the crash routes threw, an Error or a string', async () => {
      for (const path of ['/crash', '/thrown-string']) {
        const reply = await request(`${url}${path}`);
        assert.ok(!reply.text.includes('hunter2'), path);
        assert.equal((reply.body as { error: string }).error, 'Internal Server Error', path);
      }
    });
  });
}
