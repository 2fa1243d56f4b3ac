import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import Koa from 'koa';
import { codatErrors as koaErrors, type CodatErrorsOptions } from 'codat-errors';
import * as adapter from 'codat-errors/express';
import { codatErrors, InternalServerError, NotFound, Unauthorized } from 'codat-errors/express';
import { envelopeText } from './support/envelope-text.ts';
import { request, serve } from './support/serve.ts';
import { assertStaleHeadersReplaced, keptHeaders, staleHeaders } from './support/stale-headers.ts';
import { expressMajors, serveExpress } from './support/targets.ts';

const run = promisify(execFile);
const idPattern = /^[A-Za-z0-9_-]{21}$/;
const notFoundBody = { statusCode: 404, service: 'PublicApi', error: 'Not Found' };

interface Entry { level: 'warn' | 'error'; details: Record<string, unknown>; message: string }

function recordingLogger() {
  const entries: Entry[] = [];
  return {
    entries,
    logger: {
      warn: (details: object, message: string) => entries.push({ level: 'warn', details: details as Record<string, unknown>, message }),
      error: (details: object, message: string) => entries.push({ level: 'error', details: details as Record<string, unknown>, message }),
    },
  };
}

describe('codat-errors/express as a module', () => {
  it('is the same module from require() as from import', async () => {
    // A plain node, without the test's TypeScript loader, which would load a second copy for require().
    const script = `const cjs = require('codat-errors/express');
      import('codat-errors/express').then((esm) => console.log(JSON.stringify({
        keys: Object.keys(cjs).sort().join() === Object.keys(esm).sort().join(),
        same: cjs.codatErrors === esm.codatErrors && cjs.NotFound === require('codat-errors').NotFound,
        count: Object.keys(cjs).length })));`;
    const { stdout } = await run(process.execPath, ['--input-type=commonjs', '-e', script]);
    assert.deepEqual(JSON.parse(stdout), { keys: true, same: true, count: Object.keys(adapter).length });
  });

  it('re-exports the catalog, toEnvelope and isErrorEnvelope', () => {
    const envelope = adapter.toEnvelope(new adapter.LimitExceeded(), { correlationId: 'abc' });
    assert.deepEqual(envelope, { statusCode: 402, service: 'PublicApi', error: 'Payment Required', correlationId: 'abc' });
    assert.equal(adapter.isErrorEnvelope(envelope), true);
  });

  it('refuses an invalid option at start-up with the message of the Koa middleware', () => {
    for (const options of [{ service: '' }, { logger: console.log }, { retries: 3 }] as unknown as CodatErrorsOptions[]) {
      const koaMessage = (() => { try { koaErrors(options); } catch (error) { return (error as Error).message; } })();
      assert.ok(koaMessage);
      assert.throws(() => codatErrors(options), { name: 'TypeError', message: koaMessage });
    }
  });

  it('gives the error handler the four parameters Express looks for', () => {
    const errors = codatErrors();
    assert.equal(errors.handler.length, 4);
    assert.equal(errors.correlation.length, 3);
  });
});

for (const [expressName, express] of expressMajors) {
  describe(`${expressName}: correlation ids`, async () => {
    const { url } = await serveExpress(express, (app) => {
      app.get('/ok', (req, res) => { res.json({ request: req.correlationId, locals: res.locals.correlationId }); });
    });
    const custom = await serveExpress(express, (app) => {
      app.get('/fail', () => { throw new Unauthorized(); });
    }, { correlationHeader: 'X-Request-Id', service: 'Billing' });

    it('stamps req.correlationId and res.locals.correlationId, and passes a success through', async () => {
      const reply = await request(`${url}/ok`);
      assert.equal(reply.status, 200);
      const id = reply.headers.get('x-correlation-id');
      assert.match(id ?? '', idPattern);
      assert.equal(reply.text, JSON.stringify({ request: id, locals: id }));
      assert.equal(reply.headers.get('x-content-type-options'), null);
    });

    it('reuses a valid incoming id and replaces an unusable one', async () => {
      const kept = await request(`${url}/ok`, { headers: { 'x-correlation-id': 'client-id:42' } });
      assert.equal(kept.headers.get('x-correlation-id'), 'client-id:42');
      const replaced = await request(`${url}/ok`, { headers: { 'x-correlation-id': 'a b' } });
      assert.match(replaced.headers.get('x-correlation-id') ?? '', idPattern);
    });

    it('uses the configured header and service', async () => {
      const reply = await request(`${custom.url}/fail`, { headers: { 'x-request-id': 'abc' } });
      assert.equal(reply.status, 401);
      assert.equal(reply.headers.get('x-request-id'), 'abc');
      assert.equal(reply.headers.get('x-correlation-id'), null);
      assert.equal(reply.text, envelopeText({ statusCode: 401, service: 'Billing', error: 'Unauthorized' }, 'abc'));
    });

    it('stamps an id on errors even when the app left out the correlation middleware', async () => {
      const errors = codatErrors();
      const app = express();
      app.get('/fail', () => { throw new NotFound('No invoice'); });
      app.use(errors.handler);
      const bare = await serve(app);
      const reply = await request(`${bare.url}/fail`);
      const id = reply.headers.get('x-correlation-id') ?? '';
      assert.match(id, idPattern);
      assert.equal(reply.text, envelopeText({ statusCode: 404, service: 'PublicApi', error: 'No invoice' }, id));
    });
  });

  describe(`${expressName}: requests nothing answers`, async () => {
    const { url } = await serveExpress(express, (app) => { app.get('/companies', (_req, res) => { res.json([]); }); });

    it('answers an unmatched route with the 404 envelope', async () => {
      const reply = await request(`${url}/nowhere?x=1`, { method: 'POST' });
      assert.equal(reply.status, 404);
      assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(reply.text, envelopeText(notFoundBody, reply.headers.get('x-correlation-id')!));
    });

    it('answers OPTIONS too, which Express answers itself only when no middleware does', async () => {
      const reply = await request(`${url}/companies`, { method: 'OPTIONS' });
      assert.equal(reply.status, 404);
      assert.equal(reply.text, envelopeText(notFoundBody, reply.headers.get('x-correlation-id')!));
    });

    it('answers HEAD of an unmatched route with no body', async () => {
      const reply = await request(`${url}/nowhere`, { method: 'HEAD' });
      assert.equal(reply.status, 404);
      assert.equal(reply.text, '');
    });
  });

  describe(`${expressName}: express.json() body errors`, async () => {
    const { url } = await serveExpress(express, (app) => {
      app.use(express.json({ limit: 64 }));
      app.post('/companies', (req, res) => { res.json(req.body); });
    });
    const post = (body: string) => request(`${url}/companies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    it('answers malformed JSON with a 400 that does not quote the body', async () => {
      const reply = await post('{"name": password=hunter2');
      assert.equal(reply.status, 400);
      assert.equal(reply.text, envelopeText({ statusCode: 400, service: 'PublicApi', error: 'Request body is not valid JSON' }, reply.headers.get('x-correlation-id')!));
    });

    it('answers a body over the limit with a 413', async () => {
      const reply = await post(JSON.stringify({ name: 'x'.repeat(100) }));
      assert.equal(reply.status, 413);
      assert.equal(reply.text, envelopeText({ statusCode: 413, service: 'PublicApi', error: 'request entity too large' }, reply.headers.get('x-correlation-id')!));
    });

    it('lets a valid body through', async () => {
      const reply = await post('{"name":"Acme"}');
      assert.equal(reply.status, 200);
      assert.equal(reply.text, '{"name":"Acme"}');
    });
  });

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
    app.use((error: unknown, _req: unknown, _res: unknown, next: (error: unknown) => void) => { passedOn.push(error); next(error); });
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
      const app = new Koa();
      app.silent = true;
      app.use(koaErrors({ logger: koa.logger }));
      app.use((ctx) => { if (ctx.path === '/api/crash') throw crash; });
      const koaServer = await serve(app.callback());
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
      assert.match(printed.mock.calls[0]!.arguments[0] as string, /\nInternalServerError: disk full\n/);
    });
  });

  describe(`${expressName}: routing signals keep their Express meaning`, async () => {
    const { url } = await serveExpress(express, (app) => {
      const router = express.Router();
      router.get('/leave', (_req, _res, next) => next('router'));
      app.use(router);
      app.get('/skip', (_req, _res, next) => next('route'), () => { throw new Error('never reached'); });
      app.get('/skip', (_req, res) => { res.send('next route'); });
      app.get('/falsy', () => { throw undefined; });
      app.get('/falsy', (_req, res) => { res.send('after a falsy throw'); });
      app.get('/leave', (_req, res) => { res.send('after the router'); });
      app.get('/out', (_req, _res, next) => next('router'));
    });

    it("next('route') skips to the next route", async () => {
      assert.equal((await request(`${url}/skip`)).text, 'next route');
    });

    it("next('router') leaves the router", async () => {
      assert.equal((await request(`${url}/leave`)).text, 'after the router');
    });

    it("next('router') at the app level leaves the app too: Express's own 404, not the envelope", async () => {
      const reply = await request(`${url}/out`);
      assert.equal(reply.status, 404);
      assert.match(reply.headers.get('content-type') ?? '', /^text\/html/);
    });

    it('a synchronous throw of a falsy value is no error: the next route answers', async () => {
      assert.equal((await request(`${url}/falsy`)).text, 'after a falsy throw');
    });
  });
}
