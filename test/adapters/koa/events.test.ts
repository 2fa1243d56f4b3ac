import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import Koa3, { type Context } from 'koa';
// @ts-expect-error: Koa 2 is installed under an alias and has no types of its own here.
import Koa2 from 'koa2';
import { codatErrors, LimitExceeded, type ErrorLogger } from 'codat-errors';
import { request, serve } from '../../support/serve.ts';

interface Entry { level: 'warn' | 'error'; details: Record<string, unknown>; message: string }

function recordingLogger(): ErrorLogger & { entries: Entry[] } {
  const entries: Entry[] = [];
  return {
    entries,
    warn: (details, message) => entries.push({ level: 'warn', details: details as Record<string, unknown>, message }),
    error: (details, message) => entries.push({ level: 'error', details: details as Record<string, unknown>, message }),
  };
}

for (const [koaName, Koa] of [['Koa 3', Koa3], ['Koa 2', Koa2]] as const) {
  type Koa = InstanceType<typeof Koa3>;
  function routes(app: Koa) {
    app.use(async (ctx) => {
      switch (ctx.path) {
        case '/limit': throw LimitExceeded.companyLimit();
        case '/crash': throw new Error('db password=secret');
        case '/null': throw null;
        case '/stream-fails-early': {
          ctx.type = 'text/csv';
          ctx.body = new Readable({ read() { this.destroy(new Error('disk gone')); } });
          return;
        }
        case '/stream-fails-late': {
          let sent = false;
          ctx.body = new Readable({
            read() {
              if (sent) setTimeout(() => this.destroy(new Error('disk gone mid-way')), 20);
              else { sent = true; this.push('a,b,c\n'); }
            },
          });
          return;
        }
        case '/headers-then-throw': {
          ctx.res.writeHead(200, { 'content-type': 'text/plain' });
          ctx.res.write('partial');
          throw new Error('after headers');
        }
        default: ctx.body = 'ok';
      }
    });
  }

  async function start(logger?: ErrorLogger) {
    const app = new Koa();
    const emitted: Array<{ error: Error; correlationId: unknown }> = [];
    app.on('error', (error: Error, ctx: Context) => emitted.push({ error, correlationId: ctx.state.correlationId }));
    app.use(codatErrors(logger ? { logger } : {}));
    routes(app);
    const { url } = await serve(app.callback());
    return { url, emitted };
  }

  /** Reads what arrives until the server closes the connection or answers in full. */
  function rawExchange(url: string, path: string): Promise<{ raw: string; closedBy: 'server' }> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      let raw = '';
      const socket = connect(Number(port), hostname, () => socket.write(`GET ${path} HTTP/1.1\r\nhost: x\r\n\r\n`));
      socket.setEncoding('latin1').on('data', (chunk) => (raw += chunk)).on('error', reject)
        .on('close', () => resolve({ raw, closedBy: 'server' }));
    });
  }

  describe(`${koaName}: app.emit("error") and the logger`, () => {
    it('emits 5xx once with the original error and the ctx, and no 4xx', async () => {
      const { url, emitted } = await start();
      await request(`${url}/limit`);
      assert.equal(emitted.length, 0);
      const reply = await request(`${url}/crash`);
      assert.equal(emitted.length, 1);
      assert.equal(emitted[0]!.error.message, 'db password=secret');
      assert.equal(emitted[0]!.correlationId, reply.headers.get('x-correlation-id'));
    });

    it("emits a 5xx whose stack holds the app's frames and none of Koa's or Node's beneath the middleware", async () => {
      const { url, emitted } = await start();
      await request(`${url}/crash`);
      const stack = emitted[0]!.error.stack ?? '';
      assert.match(stack, /adapters\/koa\/events\.test\.ts/);
      assert.doesNotMatch(stack, /application\.js|_http_server/);
    });

    it('wraps a thrown non-error in an Error whose cause is the value', async () => {
      const { url, emitted } = await start();
      const reply = await request(`${url}/null`);
      assert.equal(reply.status, 500);
      assert.equal(emitted.length, 1);
      assert.ok(emitted[0]!.error instanceof Error);
      assert.equal(emitted[0]!.error.cause, null);
    });

    it('logs 4xx at warn and 5xx at error with correlation id, status, method and path', async () => {
      const logger = recordingLogger();
      const { url } = await start(logger);
      const limit = await request(`${url}/limit?token=secret`, { method: 'POST' });
      const crash = await request(`${url}/crash`);
      const unmatched = await request(`${url}/nowhere`, { method: 'DELETE' });
      assert.equal(unmatched.status, 200, 'the default route answers');
      assert.equal(logger.entries.length, 2);
      const [warn, error] = logger.entries;
      assert.equal(warn!.level, 'warn');
      assert.equal(warn!.message, 'CompanyValidationException: Company limit exceeded');
      assert.deepEqual({ ...warn!.details, err: undefined }, { err: undefined, correlationId: limit.headers.get('x-correlation-id'), statusCode: 402, method: 'POST', path: '/limit' });
      assert.ok(warn!.details.err instanceof LimitExceeded);
      assert.equal(error!.level, 'error');
      assert.equal(error!.message, 'Internal Server Error');
      assert.equal((error!.details.err as Error).message, 'db password=secret');
      assert.match((error!.details.err as Error).stack ?? '', /adapters\/koa\/events\.test\.ts/);
      assert.equal(error!.details.correlationId, crash.headers.get('x-correlation-id'));
    });

    it('logs a bodiless error status without an err', async () => {
      const logger = recordingLogger();
      const app = new Koa();
      app.use(codatErrors({ logger }));
      const { url } = await serve(app.callback());
      const reply = await request(`${url}/nowhere`);
      assert.equal(reply.status, 404);
      assert.deepEqual(logger.entries, [{ level: 'warn', message: 'Not Found', details: { correlationId: reply.headers.get('x-correlation-id'), statusCode: 404, method: 'GET', path: '/nowhere' } }]);
    });

    it('answers the same when the logger or an error listener throws or rejects', async () => {
      const rejections: unknown[] = [];
      const onRejection = (reason: unknown) => rejections.push(reason);
      process.on('unhandledRejection', onRejection);
      try {
        const loggers: ErrorLogger[] = [
          { warn() { throw new Error('log down'); }, error() { throw new Error('log down'); } },
          { warn: async () => { throw new Error('log down'); }, error: async () => { throw new Error('log down'); } },
        ];
        for (const logger of loggers) {
          const app = new Koa();
          app.on('error', () => { throw new Error('listener down'); });
          app.use(codatErrors({ logger }));
          routes(app);
          const { url } = await serve(app.callback());
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

  describe(`${koaName}: errors around streams and sent headers`, () => {
    it('answers the envelope when a stream body fails before headers are sent', async () => {
      const { url, emitted } = await start();
      const reply = await request(`${url}/stream-fails-early`);
      assert.equal(reply.status, 500);
      assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(reply.text, JSON.stringify({ statusCode: 500, service: 'PublicApi', error: 'Internal Server Error', correlationId: reply.headers.get('x-correlation-id') }));
      assert.equal(emitted.length, 1);
      assert.equal(emitted[0]!.error.message, 'disk gone');
    });

    it('closes the connection, writes nothing more and emits once when a stream fails after headers', async () => {
      const { url, emitted } = await start();
      const { raw } = await rawExchange(url, '/stream-fails-late');
      assert.match(raw, /^HTTP\/1\.1 200 OK/);
      assert.ok(raw.includes('a,b,c'));
      assert.ok(!raw.includes('statusCode'), 'no envelope appended');
      assert.equal(emitted.length, 1);
      assert.equal((await request(`${url}/ok`)).status, 200, 'the server still answers');
    });

    it('closes the connection when a handler throws after writing headers itself', async () => {
      const logger = recordingLogger();
      const { url, emitted } = await start(logger);
      const { raw } = await rawExchange(url, '/headers-then-throw');
      // Whatever of the started response reached the socket, no error status or envelope follows it.
      assert.doesNotMatch(raw, /HTTP\/1\.1 500|statusCode/);
      assert.equal(emitted.length, 1);
      assert.equal(logger.entries.length, 1);
      assert.equal((await request(`${url}/ok`)).text, 'ok');
    });
  });
}
