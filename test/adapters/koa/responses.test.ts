// Koa responses around the middleware: those no handler threw (successes, unmatched routes,
// allowedMethods(), bodiless statuses, ctx.throw()), the headers around an error, the Allow of a 405.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Router from '@koa/router';
import { NotFound } from 'codat-errors';
import { envelopeText } from '../../support/envelope-text.ts';
import { idPattern } from '../../support/ids.ts';
import { koaMajors, serveKoa } from '../../support/koa-app.ts';
import { request } from '../../support/serve.ts';
import { assertStaleHeadersReplaced, keptHeaders, staleHeaders } from '../../support/stale-headers.ts';

for (const [koaName, Koa] of koaMajors) {
  describe(`${koaName}: responses that are not thrown errors`, async () => {
    const { url } = await serveKoa(Koa, (app, router) => {
      router.get('/ok', (ctx) => {
        ctx.body = { ok: true, id: ctx.state.correlationId };
      });
      router.post('/only-post', (ctx) => {
        ctx.body = 'posted';
      });
      router.get('/teapot', (ctx) => {
        ctx.status = 418;
      });
      router.get('/ctx-throw', (ctx) => ctx.throw(403, 'Not your company'));
      app.use(async (ctx, next) => {
        ctx.set('Access-Control-Allow-Origin', '*');
        await next();
      });
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
      assert.equal(
        reply.text,
        envelopeText(
          { statusCode: 404, service: 'PublicApi', error: 'Not Found' },
          reply.headers.get('x-correlation-id')!,
        ),
      );
    });

    it('answers allowedMethods() 405 with the envelope and keeps its Allow header', async () => {
      const reply = await request(`${url}/only-post`, { method: 'DELETE' });
      assert.equal(reply.status, 405);
      assert.equal(reply.headers.get('allow'), 'POST');
      assert.deepEqual(reply.body, {
        statusCode: 405,
        service: 'PublicApi',
        error: 'Method Not Allowed',
        correlationId: reply.headers.get('x-correlation-id'),
      });
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
    const { url } = await serveKoa(Koa, (app, router) => {
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
    const { url } = await serveKoa(Koa, (app) => {
      const router = new Router();
      router
        .get('/companies', (ctx) => {
          ctx.body = [];
        })
        .post('/companies', (ctx) => {
          ctx.body = {};
        });
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
        router.get('/x', () => {
          throw Object.assign(new Error('no'), { status: 405 });
        });
      });
      const reply = await request(`${url}/x`);
      assert.equal(reply.status, 405);
      assert.equal(reply.headers.get('allow'), 'HEAD, GET');
    });

    it('without a router, sends an empty Allow', async () => {
      const { url } = await serveKoa(Koa, (app) =>
        app.use(() => {
          throw Object.assign(new Error('no'), { status: 405 });
        }),
      );
      const reply = await request(url);
      assert.equal(reply.status, 405);
      assert.equal(reply.headers.get('allow'), '');
    });
  });
}
