// The Allow header of a Koa 405: from the error, else from the routes @koa/router matched, else empty.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Router from '@koa/router';
import { koaMajors, serveKoa } from '../../support/koa-app.ts';
import { request } from '../../support/serve.ts';

for (const [koaName, Koa] of koaMajors) {
  describe(`${koaName}: @koa/router allowedMethods({ throw: true })`, async () => {
    const { url } = await serveKoa(Koa, (app) => {
      const router = new Router();
      router.get('/companies', (ctx) => { ctx.body = []; }).post('/companies', (ctx) => { ctx.body = {}; });
      app.use(router.routes()).use(router.allowedMethods({ throw: true }));
    });

    it('gives the thrown 405 an Allow header from the matched routes', async () => {
      const reply = await request(`${url}/companies`, { method: 'DELETE' });
      assert.equal(reply.status, 405);
      assert.equal(reply.headers.get('allow'), 'HEAD, GET, POST');
      assert.equal((reply.body as { error: string }).error, 'Method Not Allowed');
    });
  });

  describe(`${koaName}: a 405 thrown without Allow`, () => {
    it('from a route of @koa/router, lists the methods of the matched routes', async () => {
      const { url } = await serveKoa(Koa, (_app, router) => {
        router.get('/x', () => { throw Object.assign(new Error('no'), { status: 405 }); });
      });
      const reply = await request(`${url}/x`);
      assert.equal(reply.status, 405);
      assert.equal(reply.headers.get('allow'), 'HEAD, GET');
    });

    it('without a router, sends an empty Allow', async () => {
      const { url } = await serveKoa(Koa, (app) => app.use(() => { throw Object.assign(new Error('no'), { status: 405 }); }));
      const reply = await request(url);
      assert.equal(reply.status, 405);
      assert.equal(reply.headers.get('allow'), '');
    });
  });
}
