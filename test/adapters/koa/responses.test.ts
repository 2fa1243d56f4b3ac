import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Router from '@koa/router';
import Koa3 from 'koa';
// @ts-expect-error: Koa 2 is installed under an alias and has no types of its own here.
import Koa2 from 'koa2';
import { codatErrors, NotFound, type CodatErrorsOptions } from 'codat-errors';
import { envelopeText } from '../../support/envelope-text.ts';
import { request, serve } from '../../support/serve.ts';
import { assertStaleHeadersReplaced, keptHeaders, staleHeaders } from '../../support/stale-headers.ts';

const idPattern = /^[A-Za-z0-9_-]{21}$/;

for (const [koaName, Koa] of [['Koa 3', Koa3], ['Koa 2', Koa2]] as const) {
  type App = InstanceType<typeof Koa3>;
  async function start(setup: (app: App, router: Router) => void, options?: CodatErrorsOptions) {
    const app: App = new Koa();
    app.silent = true;
    app.use(codatErrors(options));
    const router = new Router();
    setup(app, router);
    app.use(router.routes()).use(router.allowedMethods());
    return serve(app.callback());
  }

  describe(`${koaName}: responses that are not thrown errors`, async () => {
    const { url } = await start((app, router) => {
      router.get('/ok', (ctx) => { ctx.body = { ok: true, id: ctx.state.correlationId }; });
      router.post('/only-post', (ctx) => { ctx.body = 'posted'; });
      router.get('/teapot', (ctx) => { ctx.status = 418; });
      router.get('/ctx-throw', (ctx) => ctx.throw(403, 'Not your company'));
      app.use(async (ctx, next) => { ctx.set('Access-Control-Allow-Origin', '*'); await next(); });
    });

    it('passes a success through untouched but for the correlation header', async () => {
      const reply = await request(`${url}/ok`);
      assert.equal(reply.status, 200);
      const id = reply.headers.get('x-correlation-id');
      assert.match(id ?? '', idPattern);
      assert.equal(reply.text, JSON.stringify({ ok: true, id }));
      assert.equal(reply.headers.get('x-content-type-options'), null);
    });

    it('answers an unmatched route with the 404 envelope', async () => {
      const reply = await request(`${url}/nowhere`);
      assert.equal(reply.status, 404);
      assert.equal(reply.text, envelopeText({ statusCode: 404, service: 'PublicApi', error: 'Not Found' }, reply.headers.get('x-correlation-id')!));
    });

    it('answers allowedMethods() 405 with the envelope and keeps its Allow header', async () => {
      const reply = await request(`${url}/only-post`, { method: 'DELETE' });
      assert.equal(reply.status, 405);
      assert.equal(reply.headers.get('allow'), 'POST');
      assert.deepEqual(reply.body, { statusCode: 405, service: 'PublicApi', error: 'Method Not Allowed', correlationId: reply.headers.get('x-correlation-id') });
    });

    it('answers allowedMethods() 501 for an unknown method with the envelope', async () => {
      const reply = await request(`${url}/only-post`, { method: 'PURGE' });
      assert.equal(reply.status, 501);
      assert.equal((reply.body as { error: string }).error, 'Not Implemented');
    });

    it('turns a bodiless status set by a handler into the envelope', async () => {
      const reply = await request(`${url}/teapot`);
      assert.equal(reply.status, 418);
      assert.equal((reply.body as { error: string }).error, "I'm a Teapot");
    });

    it('keeps the message of ctx.throw for a 4xx', async () => {
      const reply = await request(`${url}/ctx-throw`);
      assert.equal(reply.status, 403);
      assert.equal((reply.body as { error: string }).error, 'Not your company');
    });
  });

  describe(`${koaName}: headers around an error`, async () => {
    const { url } = await start((app, router) => {
      app.use(async (ctx, next) => {
        ctx.set(keptHeaders);
        await next();
      });
      router.get('/download', (ctx) => {
        ctx.set(staleHeaders);
        ctx.cookies.set('session', 'kept');
        throw new NotFound('No report');
      });
    });

    it('removes the headers of the body it replaces and keeps every other', async () => {
      assertStaleHeadersReplaced(await request(`${url}/download`));
    });
  });

  describe(`${koaName}: @koa/router allowedMethods({ throw: true })`, async () => {
    const app: App = new Koa();
    app.silent = true;
    app.use(codatErrors());
    const router = new Router();
    router.get('/companies', (ctx) => { ctx.body = []; }).post('/companies', (ctx) => { ctx.body = {}; });
    app.use(router.routes()).use(router.allowedMethods({ throw: true }));
    const { url } = await serve(app.callback());

    it('gives the thrown 405 an Allow header from the matched routes', async () => {
      const reply = await request(`${url}/companies`, { method: 'DELETE' });
      assert.equal(reply.status, 405);
      assert.equal(reply.headers.get('allow'), 'HEAD, GET, POST');
      assert.equal((reply.body as { error: string }).error, 'Method Not Allowed');
    });
  });
}
