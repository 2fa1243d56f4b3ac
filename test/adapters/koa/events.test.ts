// Koa's own error events around the middleware: what app.on('error') listeners and the logger get.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LimitExceeded, type ErrorLogger } from 'codat-errors';
import { koaMajors, serveKoa, serveKoaRecording, type KoaApp } from '../../support/koa-app.ts';
import { recordingLogger } from '../../support/logger.ts';
import { request } from '../../support/serve.ts';

function routes(app: KoaApp) {
  app.use(async (ctx) => {
    switch (ctx.path) {
      case '/limit':
        throw LimitExceeded.companyLimit();
      case '/crash':
        throw new Error('db password=secret');
      case '/null':
        throw null;
      default:
        ctx.body = 'ok';
    }
  });
}

for (const [koaName, Koa] of koaMajors) {
  describe(`${koaName}: app.emit("error") and the logger`, () => {
    it('emits 5xx once with the original error and the ctx, and no 4xx', async () => {
      const { url, emitted } = await serveKoaRecording(Koa, routes);
      await request(`${url}/limit`);
      assert.equal(emitted.length, 0);
      const reply = await request(`${url}/crash`);
      assert.equal(emitted.length, 1);
      assert.equal(emitted[0]!.error.message, 'db password=secret');
      assert.equal(emitted[0]!.correlationId, reply.headers.get('x-correlation-id'));
    });

    it("emits a 5xx whose stack holds the app's frames and none of Koa's or Node's beneath the middleware", async () => {
      const { url, emitted } = await serveKoaRecording(Koa, routes);
      await request(`${url}/crash`);
      const stack = emitted[0]!.error.stack ?? '';
      assert.match(stack, /adapters\/koa\/events\.test\.ts/);
      assert.doesNotMatch(stack, /application\.js|_http_server/);
    });

    it('wraps a thrown non-error in an Error whose cause is the value', async () => {
      const { url, emitted } = await serveKoaRecording(Koa, routes);
      const reply = await request(`${url}/null`);
      assert.equal(reply.status, 500);
      assert.equal(emitted.length, 1);
      assert.ok(emitted[0]!.error instanceof Error);
      assert.equal(emitted[0]!.error.cause, null);
    });

    it('logs 4xx at warn and 5xx at error with correlation id, status, method and path', async () => {
      const { entries, logger } = recordingLogger();
      const { url } = await serveKoaRecording(Koa, routes, { logger });
      const limit = await request(`${url}/limit?token=secret`, { method: 'POST' });
      const crash = await request(`${url}/crash`);
      const unmatched = await request(`${url}/nowhere`, { method: 'DELETE' });
      assert.equal(unmatched.status, 200, 'the default route answers');
      assert.equal(entries.length, 2);
      const [warn, error] = entries;
      assert.equal(warn!.level, 'warn');
      assert.equal(warn!.message, 'CompanyValidationException: Company limit exceeded');
      assert.deepEqual(
        { ...warn!.details, err: undefined },
        {
          err: undefined,
          correlationId: limit.headers.get('x-correlation-id'),
          statusCode: 402,
          method: 'POST',
          path: '/limit',
        },
      );
      assert.ok(warn!.details.err instanceof LimitExceeded);
      assert.equal(error!.level, 'error');
      assert.equal(error!.message, 'Internal Server Error');
      assert.equal((error!.details.err as Error).message, 'db password=secret');
      assert.match((error!.details.err as Error).stack ?? '', /adapters\/koa\/events\.test\.ts/);
      assert.equal(error!.details.correlationId, crash.headers.get('x-correlation-id'));
    });

    it('logs a bodiless error status without an err', async () => {
      const { entries, logger } = recordingLogger();
      const { url } = await serveKoa(Koa, () => {}, { logger });
      const reply = await request(`${url}/nowhere`);
      assert.equal(reply.status, 404);
      assert.deepEqual(entries, [
        {
          level: 'warn',
          message: 'Not Found',
          details: {
            correlationId: reply.headers.get('x-correlation-id'),
            statusCode: 404,
            method: 'GET',
            path: '/nowhere',
          },
        },
      ]);
    });

    it('answers the same when the logger or an error listener throws or rejects', async () => {
      const rejections: unknown[] = [];
      const onRejection = (reason: unknown) => rejections.push(reason);
      process.on('unhandledRejection', onRejection);
      try {
        const loggers: ErrorLogger[] = [
          {
            warn() {
              throw new Error('log down');
            },
            error() {
              throw new Error('log down');
            },
          },
          {
            warn: async () => {
              throw new Error('log down');
            },
            error: async () => {
              throw new Error('log down');
            },
          },
        ];
        for (const logger of loggers) {
          const { url } = await serveKoa(
            Koa,
            (app) => {
              app.on('error', () => {
                throw new Error('listener down');
              });
              routes(app);
            },
            { logger },
          );
          const limit = await request(`${url}/limit`);
          assert.equal(limit.status, 402);
          assert.equal((limit.body as { error: string }).error, 'CompanyValidationException: Company limit exceeded');
          const crash = await request(`${url}/crash`);
          assert.equal(crash.status, 500);
          assert.equal((crash.body as { error: string }).error, 'Internal Server Error');
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
        assert.deepEqual(rejections, []);
      } finally {
        process.off('unhandledRejection', onRejection);
      }
    });
  });
}
