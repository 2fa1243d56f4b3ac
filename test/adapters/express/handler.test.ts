// What the Express adapter's error handler does with an error: the response's headers (those of the
// replaced body go; once headers are sent the error goes on to Express, which cuts the response), the
// logger, and without one, printing as Express's own handler would.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Koa from 'koa';
import { codatErrors, InternalServerError, NotFound } from 'codat-errors/express';
import { envelopeText } from '../../support/envelope-text.ts';
import { expressMajors, serveExpress } from '../../support/express-app.ts';
import { serveKoa } from '../../support/koa-app.ts';
import { recordingLogger } from '../../support/logger.ts';
import { request, serve } from '../../support/serve.ts';
import { assertStaleHeadersReplaced, keptHeaders, staleHeaders } from '../../support/stale-headers.ts';

for (const [expressName, express] of expressMajors) {
  describe(`${expressName}: headers around an error`, async () => {
    const { url } = await serveExpress(express, (app) => {
      app.use((_req, res, next) => {
        res.set(keptHeaders);
        next();
      });
      app.get('/download', (_req, res) => {
        res.set(staleHeaders);
        res.cookie('session', 'kept');
        throw new NotFound('No report');
      });
    });

    it('removes the headers of the body it replaces and keeps every other', async () => {
      assertStaleHeadersReplaced(await request(`${url}/download`));
    });
  });

  describe(`${expressName}: an error after the headers are sent`, async () => {
    const passedOn: unknown[] = [];
    const { entries, logger } = recordingLogger();
    const crash = new Error('stream broke');
    const errors = codatErrors({ logger });
    const app = express();
    app.set('env', 'test');
    app.use(errors.correlation);
    app.get('/report', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '100' });
      res.write('id,name\n');
      throw crash;
    });
    app.use(errors.handler);
    app.use((error: unknown, _req: unknown, _res: unknown, next: (error: unknown) => void) => {
      passedOn.push(error);
      next(error);
    });
    const { url } = await serve(app);

    it('cuts the response rather than append to it, passes nothing on (Express would print it again), and logs it once', async () => {
      const response = await fetch(`${url}/report`);
      assert.equal(response.status, 200);
      await assert.rejects(response.text());
      assert.deepEqual(passedOn, []);
      assert.equal(entries.length, 1);
      assert.equal(entries[0]!.details.err, crash);
      assert.equal(entries[0]!.details.correlationId, response.headers.get('x-correlation-id'));
    });
  });

  describe(`${expressName}: logging`, async () => {
    const { entries, logger } = recordingLogger();
    const crash = new Error('db password=hunter2');
    const { url } = await serveExpress(
      express,
      (app) => {
        const api = express.Router();
        api.get('/crash', () => {
          throw crash;
        });
        api.get('/invoice', () => {
          throw new NotFound('No invoice');
        });
        app.use('/api', api);
      },
      { logger },
    );

    it('gives a 5xx to logger.error with the error and its stack, and shows the client neither', async () => {
      entries.length = 0;
      const reply = await request(`${url}/api/crash?page=2`);
      assert.equal(reply.status, 500);
      assert.equal(
        reply.text,
        envelopeText(
          { statusCode: 500, service: 'PublicApi', error: 'Internal Server Error' },
          reply.headers.get('x-correlation-id')!,
        ),
      );
      assert.deepEqual(entries, [
        {
          level: 'error',
          details: {
            err: crash,
            correlationId: reply.headers.get('x-correlation-id'),
            statusCode: 500,
            method: 'GET',
            path: '/api/crash',
          },
          message: 'Internal Server Error',
        },
      ]);
      assert.match(crash.stack ?? '', /db password=hunter2\n\s+at /);
    });

    it('gives a 4xx to logger.warn and an unmatched route without err', async () => {
      entries.length = 0;
      await request(`${url}/api/invoice`);
      const unmatched = await request(`${url}/api/nothing`);
      assert.deepEqual(
        entries.map((e) => [e.level, e.message, e.details.statusCode, e.details.path, 'err' in e.details]),
        [
          ['warn', 'No invoice', 404, '/api/invoice', true],
          ['warn', 'Not Found', 404, '/api/nothing', false],
        ],
      );
      assert.equal(entries[1]!.details.correlationId, unmatched.headers.get('x-correlation-id'));
    });

    it('logs the whole path also from a handler mounted in a sub-router', async () => {
      const mounted = recordingLogger();
      const errors = codatErrors({ logger: mounted.logger });
      const api = express.Router();
      api.get('/invoice', () => {
        throw new NotFound('No invoice');
      });
      api.use(errors.handler);
      const app = express();
      app.use('/api', api);
      const { url: mountedUrl } = await serve(app);
      assert.equal((await request(`${mountedUrl}/api/invoice`)).status, 404);
      assert.equal(mounted.entries[0]!.details.path, '/api/invoice');
    });

    it('logs what the Koa middleware logs for the same error', async () => {
      const koa = recordingLogger();
      const koaServer = await serveKoa(
        Koa,
        (app) => {
          app.use((ctx) => {
            if (ctx.path === '/api/crash') throw crash;
          });
        },
        { logger: koa.logger },
      );
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
      app.get('/crash', () => {
        throw new InternalServerError('disk full');
      });
      app.get('/missing', () => {
        throw new NotFound();
      });
      app.use(errors.handler);
      const { url } = await serve(app);
      await request(`${url}/missing`);
      assert.equal(printed.mock.callCount(), 0);
      const reply = await request(`${url}/crash`);
      assert.equal(reply.status, 500);
      assert.equal(printed.mock.callCount(), 1);
      assert.match(printed.mock.calls[0]!.arguments[0] as string, /\nInternalServerError: disk full\n/);
    });
  });
}
