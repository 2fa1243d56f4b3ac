// What the Express adapter logs, and prints without a logger, as Express's own handler would.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Koa from 'koa';
import { codatErrors, InternalServerError, NotFound } from 'codat-errors/express';
import { envelopeText } from '../../support/envelope-text.ts';
import { expressMajors, serveExpress } from '../../support/express-app.ts';
import { serveKoa } from '../../support/koa-app.ts';
import { recordingLogger } from '../../support/logger.ts';
import { request, serve } from '../../support/serve.ts';

for (const [expressName, express] of expressMajors) {
  describe(`${expressName}: logging`, async () => {
    const { entries, logger } = recordingLogger();
    const crash = new Error('db password=hunter2');
    const { url } = await serveExpress(express, (app) => {
      const api = express.Router();
      api.get('/crash', () => { throw crash; });
      api.get('/invoice', () => { throw new NotFound('No invoice'); });
      app.use('/api', api);
    }, { logger });

    it('gives a 5xx to logger.error with the error and its stack, and shows the client neither', async () => {
      entries.length = 0;
      const reply = await request(`${url}/api/crash?page=2`);
      assert.equal(reply.status, 500);
      assert.equal(reply.text, envelopeText({ statusCode: 500, service: 'PublicApi', error: 'Internal Server Error' }, reply.headers.get('x-correlation-id')!));
      assert.deepEqual(entries, [{
        level: 'error',
        details: { err: crash, correlationId: reply.headers.get('x-correlation-id'), statusCode: 500, method: 'GET', path: '/api/crash' },
        message: 'Internal Server Error',
      }]);
      assert.match(crash.stack ?? '', /db password=hunter2\n\s+at /);
    });

    it('gives a 4xx to logger.warn and an unmatched route without err', async () => {
      entries.length = 0;
      await request(`${url}/api/invoice`);
      const unmatched = await request(`${url}/api/nothing`);
      assert.deepEqual(entries.map((e) => [e.level, e.message, e.details.statusCode, e.details.path, 'err' in e.details]), [
        ['warn', 'No invoice', 404, '/api/invoice', true],
        ['warn', 'Not Found', 404, '/api/nothing', false],
      ]);
      assert.equal(entries[1]!.details.correlationId, unmatched.headers.get('x-correlation-id'));
    });

    it('logs the whole path also from a handler mounted in a sub-router', async () => {
      const mounted = recordingLogger();
      const errors = codatErrors({ logger: mounted.logger });
      const api = express.Router();
      api.get('/invoice', () => { throw new NotFound('No invoice'); });
      api.use(errors.handler);
      const app = express();
      app.use('/api', api);
      const { url: mountedUrl } = await serve(app);
      assert.equal((await request(`${mountedUrl}/api/invoice`)).status, 404);
      assert.equal(mounted.entries[0]!.details.path, '/api/invoice');
    });

    it('logs what the Koa middleware logs for the same error', async () => {
      const koa = recordingLogger();
      const koaServer = await serveKoa(Koa, (app) => {
        app.use((ctx) => { if (ctx.path === '/api/crash') throw crash; });
      }, { logger: koa.logger });
      await request(`${koaServer.url}/api/crash`, { headers: { 'x-correlation-id': 'same-id' } });
      entries.length = 0;
      await request(`${url}/api/crash`, { headers: { 'x-correlation-id': 'same-id' } });
      assert.equal(koa.entries.length, 1);
      assert.deepEqual(entries, koa.entries);
    });
  });

  describe(`${expressName}: without a logger`, async () => {
    it('prints a 5xx to the console, as Express does, outside the test environment', async (t) => {
      const printed = t.mock.method(console, 'error', () => {});
      const errors = codatErrors();
      const app = express();
      app.set('env', 'production');
      app.get('/crash', () => { throw new InternalServerError('disk full'); });
      app.get('/missing', () => { throw new NotFound(); });
      app.use(errors.handler);
      const { url } = await serve(app);
      await request(`${url}/missing`);
      assert.equal(printed.mock.callCount(), 0);
      const reply = await request(`${url}/crash`);
      assert.equal(reply.status, 500);
      assert.equal(printed.mock.callCount(), 1);
      assert.equal((printed.mock.calls[0]!.arguments[0] as Error).message, 'disk full');
    });
  });
}
