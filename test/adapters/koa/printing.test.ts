// Point 7 of issue 16 on Koa 2 and 3: a 5xx is printed once, with its stack, correlation id, method and
// path (to the logger when given, else to stderr); the app's own `error` listeners still hear it.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import Koa3, { type Context } from 'koa';
// @ts-expect-error: Koa 2 is installed under an alias and has no types of its own here.
import Koa2 from 'koa2';
import { codatErrors, NotFound, type CodatErrorsOptions, type ErrorLogger } from 'codat-errors';
import { request, serve } from '../../support/serve.ts';

type Koa = Koa3;

function recordingLogger() {
  const calls: Array<[level: string, details: Record<string, unknown>]> = [];
  const logger: ErrorLogger = {
    warn: (details) => calls.push(['warn', details as Record<string, unknown>]),
    error: (details) => calls.push(['error', details as Record<string, unknown>]),
  };
  return { calls, logger };
}

for (const [koaName, KoaClass] of [
  ['Koa 3', Koa3],
  ['Koa 2', Koa2 as typeof Koa3],
] as const) {
  describe(`${koaName}: printing a 5xx`, () => {
    /** An app whose routes fail; `setup` may add listeners before it serves. Nothing is silenced. */
    async function start(t: TestContext, options?: CodatErrorsOptions, setup?: (app: Koa) => void) {
      const printed = t.mock.method(console, 'error', () => {});
      const app = new KoaClass();
      setup?.(app);
      app.use(codatErrors(options));
      app.use((ctx) => {
        if (ctx.path === '/crash') throw new Error('db down');
        if (ctx.path === '/text') throw 'disk quota exceeded';
        if (ctx.path === '/long') throw 'z'.repeat(5000);
        if (ctx.path === '/missing') throw new NotFound('No such invoice');
        ctx.body = 'ok';
      });
      const { url } = await serve(app.callback());
      const lines = () => printed.mock.calls.map((call) => call.arguments.join(' '));
      return { app, url, lines };
    }

    it('prints it once, with status, method, path, correlation id and stack', async (t) => {
      const { url, lines } = await start(t);
      const reply = await request(`${url}/crash?token=secret`, { method: 'POST' });
      assert.equal(reply.status, 500);
      const id = reply.headers.get('x-correlation-id');
      assert.equal(lines().length, 1);
      assert.match(
        lines()[0]!,
        new RegExp(`^codat-errors: 500 POST /crash correlationId=${id}\\nError: db down\\n {4}at `),
      );
      assert.doesNotMatch(lines()[0]!, /secret/, 'no query');
    });

    it('prints the value of a thrown non-error, capped', async (t) => {
      const { url, lines } = await start(t);
      await request(`${url}/text`);
      assert.match(lines()[0]!, /\nA non-error value was thrown: "disk quota exceeded"$/);
      await request(`${url}/long`);
      assert.match(lines()[1]!, /\nA non-error value was thrown: "z{999}…$/);
    });

    it('prints nothing for a 4xx', async (t) => {
      const { url, lines } = await start(t);
      assert.equal((await request(`${url}/missing`)).status, 404);
      assert.equal((await request(`${url}/nowhere-at-all`)).status, 200);
      assert.deepEqual(lines(), []);
    });

    it('with a logger, logs it once and prints nothing', async (t) => {
      const { calls, logger } = recordingLogger();
      const { url, lines } = await start(t, { logger });
      const reply = await request(`${url}/crash`);
      assert.deepEqual(lines(), []);
      assert.deepEqual(
        calls.map(([level, details]) => [level, details.correlationId, details.method, details.path]),
        [['error', reply.headers.get('x-correlation-id'), 'GET', '/crash']],
      );
    });

    it('prints nothing for a silent app', async (t) => {
      const { url, lines } = await start(t, {}, (app) => {
        app.silent = true;
      });
      await request(`${url}/crash`);
      assert.deepEqual(lines(), []);
    });

    it("gives it to the app's own error listener instead, with the ctx, as Koa does", async (t) => {
      const heard: Array<[string, unknown]> = [];
      const { url, lines } = await start(t, {}, (app) =>
        app.on('error', (error: Error, ctx: Context) => heard.push([error.message, ctx.state.correlationId])),
      );
      const reply = await request(`${url}/crash`);
      assert.deepEqual(heard, [['db down', reply.headers.get('x-correlation-id')]]);
      assert.deepEqual(lines(), []);
    });

    it('gives it to a listener added after the app started, and Koa prints it no more', async (t) => {
      const heard: string[] = [];
      const { app, url, lines } = await start(t);
      app.on('error', (error: Error) => heard.push(error.message));
      await request(`${url}/crash`);
      assert.deepEqual(heard, ['db down']);
      assert.deepEqual(lines(), []);
    });

    it('gives it to a logger and to listeners, each once, even when one listener throws', async (t) => {
      const { calls, logger } = recordingLogger();
      const heard: string[] = [];
      const { url, lines } = await start(t, { logger }, (app) => {
        app.on('error', () => {
          throw new Error('listener down');
        });
        app.once('error', (error: Error) => heard.push(`once: ${error.message}`));
        app.on('error', (error: Error) => heard.push(error.message));
      });
      assert.equal((await request(`${url}/crash`)).status, 500);
      assert.equal((await request(`${url}/crash`)).status, 500);
      assert.deepEqual(heard, ['once: db down', 'db down', 'db down']);
      assert.equal(calls.length, 2);
      assert.deepEqual(lines(), []);
    });

    it("counts the app's own onerror as its listener", async (t) => {
      const heard: string[] = [];
      const { url, lines } = await start(t, {}, (app) => {
        app.onerror = (error: Error) => {
          heard.push(error.message);
        };
      });
      await request(`${url}/crash`);
      assert.deepEqual(heard, ['db down']);
      assert.deepEqual(lines(), []);
    });
  });
}
