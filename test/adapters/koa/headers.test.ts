// The response's headers around an error on Koa: those of the replaced body go, every other stays.
import { describe, it } from 'node:test';
import { NotFound } from 'codat-errors';
import { koaMajors, serveKoa } from '../../support/koa-app.ts';
import { request } from '../../support/serve.ts';
import { assertStaleHeadersReplaced, keptHeaders, staleHeaders } from '../../support/stale-headers.ts';

for (const [koaName, Koa] of koaMajors) {
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
}
