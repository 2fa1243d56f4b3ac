import assert from 'node:assert/strict';
import { EventEmitterAsyncResource } from 'node:events';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import Router from '@koa/router';
import Koa from 'koa';
import { codatErrors, getCorrelationId, NotFound, runWithCorrelationId, type CodatErrorsOptions } from 'codat-errors';
import { codatErrors as expressErrors } from 'codat-errors/express';
import express from 'express';
import { request, serve } from '../support/serve.ts';

/** Serves the routes on Koa and on Express: each handler returns the body or throws. */
type Routes = Record<string, (params: Record<string, string>) => Promise<unknown>>;

async function startKoa(routes: Routes, options: CodatErrorsOptions = { asyncContext: true }) {
  const app = new Koa();
  app.silent = true;
  app.use(codatErrors(options));
  const router = new Router();
  for (const [path, handler] of Object.entries(routes)) {
    router.get(path, async (ctx) => {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(await handler(ctx.params as Record<string, string>));
    });
  }
  app.use(router.routes());
  return serve(app.callback());
}

async function startExpress(routes: Routes, options: CodatErrorsOptions = { asyncContext: true }) {
  const app = express();
  const errors = expressErrors(options);
  app.use(errors.correlation);
  for (const [path, handler] of Object.entries(routes)) app.get(path, async (req, res) => { res.json(await handler(req.params as Record<string, string>)); });
  app.use(errors.handler);
  return serve(app);
}

const start = (setup: (router: Router) => void, options: CodatErrorsOptions = { asyncContext: true }) => {
  const app = new Koa();
  app.silent = true;
  app.use(codatErrors(options));
  const router = new Router();
  setup(router);
  app.use(router.routes());
  return serve(app.callback());
};

/** Jobs queued by a request and run later from a timer that no request started. */
const queue: Array<() => void> = [];
setInterval(() => queue.splice(0).forEach((job) => job()), 5).unref();

const routes: Routes = {
  '/seen': async () => {
    const seen: Record<string, string | undefined> = { handler: getCorrelationId() };
    await sleep(1);
    seen.afterAwait = getCorrelationId();
    seen.timeout = await new Promise((resolve) => setTimeout(() => resolve(getCorrelationId()), 1));
    seen.immediate = await new Promise((resolve) => setImmediate(() => resolve(getCorrelationId())));
    await pipeline(
      Readable.from(['a']),
      new Transform({ transform(_chunk, _encoding, done) { seen.stream = getCorrelationId(); done(); } }),
    );
    const emitter = new EventEmitterAsyncResource({ name: 'invoice-job' });
    seen.emitter = await new Promise((resolve) => {
      emitter.on('done', () => resolve(getCorrelationId()));
      queue.push(() => emitter.emit('done'));
    });
    return seen;
  },
  '/slow/:ms': async ({ ms }) => {
    await sleep(Number(ms));
    return getCorrelationId();
  },
  '/missing': async () => {
    await sleep(1);
    throw new NotFound(`No invoice for ${getCorrelationId()}`);
  },
};

for (const [framework, startApp] of [['Koa', startKoa], ['Express', startExpress]] as const) describe(`getCorrelationId() on ${framework}`, async () => {
  const { url } = await startApp(routes);

  it('returns the request id in the handler, after await, in timers, streams and a bound emitter', async () => {
    const reply = await request(`${url}/seen`, { headers: { 'x-correlation-id': 'ctx-1' } });
    assert.deepEqual(reply.body, {
      handler: 'ctx-1', afterAwait: 'ctx-1', timeout: 'ctx-1', immediate: 'ctx-1', stream: 'ctx-1', emitter: 'ctx-1',
    });
  });

  it('returns the generated id when the request brings none', async () => {
    const reply = await request(`${url}/slow/1`);
    assert.equal(reply.body, reply.headers.get('x-correlation-id'));
  });

  it('keeps concurrent requests apart', async () => {
    const ids = ['first', 'second', 'third', 'fourth'];
    // The first request waits longest, so the others run while it waits.
    const replies = await Promise.all(ids.map((id, i) => request(`${url}/slow/${(ids.length - i) * 5}`, { headers: { 'x-correlation-id': id } })));
    assert.deepEqual(replies.map((r) => r.body), ids);
  });

  it('is there while the error is thrown', async () => {
    const reply = await request(`${url}/missing`, { headers: { 'x-correlation-id': 'ctx-404' } });
    assert.equal(reply.status, 404);
    assert.equal(reply.text, JSON.stringify({ statusCode: 404, service: 'PublicApi', error: 'No invoice for ctx-404', correlationId: 'ctx-404' }));
  });

  it('is undefined outside a request, also after one', async () => {
    await request(`${url}/slow/1`, { headers: { 'x-correlation-id': 'gone' } });
    assert.equal(getCorrelationId(), undefined);
  });
});

describe('runWithCorrelationId()', () => {
  it('makes an id current for a job outside any request', async () => {
    const seen = await runWithCorrelationId('job-7', async () => {
      await sleep(1);
      return getCorrelationId();
    });
    assert.equal(seen, 'job-7');
    assert.equal(getCorrelationId(), undefined);
  });
});

for (const [name, options] of [['asyncContext off, the default', {}], ['asyncContext: false', { asyncContext: false }]] as const) describe(name, async () => {
  const { url } = await start((router) => {
    router.get('/seen', (ctx) => { ctx.body = { seen: getCorrelationId() ?? null, state: ctx.state.correlationId }; });
  }, options);

  it('leaves getCorrelationId() undefined but the id everywhere else', async () => {
    const reply = await request(`${url}/seen`, { headers: { 'x-correlation-id': 'off-1' } });
    assert.equal(reply.headers.get('x-correlation-id'), 'off-1');
    assert.deepEqual(reply.body, { seen: null, state: 'off-1' });
  });
});

describe('the asyncContext option', () => {
  it('is checked like every option', () => {
    assert.throws(() => codatErrors({ asyncContext: 'yes' as never }), {
      name: 'TypeError',
      message: 'codat-errors: option "asyncContext" must be true or false, got "yes"',
    });
  });
});

describe('traceIdAsCorrelationId', async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const traceparent = `00-${traceId}-00f067aa0ba902b7-01`;
  const { url } = await start((router) => {
    router.get('/id', (ctx) => { ctx.body = getCorrelationId(); });
  }, { traceIdAsCorrelationId: true, asyncContext: true });

  it('takes the trace id of traceparent when no correlation header comes', async () => {
    const reply = await request(`${url}/id`, { headers: { traceparent } });
    assert.equal(reply.headers.get('x-correlation-id'), traceId);
    assert.equal(reply.text, traceId);
  });

  it('prefers the correlation header', async () => {
    const reply = await request(`${url}/id`, { headers: { traceparent, 'x-correlation-id': 'from-header' } });
    assert.equal(reply.text, 'from-header');
  });

  for (const [name, value] of [
    ['an all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['version ff', `ff-${traceId}-00f067aa0ba902b7-01`],
    ['upper-case hex', `00-${traceId.toUpperCase()}-00f067aa0ba902b7-01`],
    ['a short trace id', '00-4bf92f35-00f067aa0ba902b7-01'],
  ]) {
    it(`generates an id for ${name}`, async () => {
      const reply = await request(`${url}/id`, { headers: { traceparent: value! } });
      assert.match(reply.text, /^[A-Za-z0-9_-]{21}$/);
    });
  }

  it('ignores traceparent unless asked', async () => {
    const plain = await start((router) => { router.get('/id', (ctx) => { ctx.body = getCorrelationId(); }); });
    const reply = await request(`${plain.url}/id`, { headers: { traceparent } });
    assert.match(reply.text, /^[A-Za-z0-9_-]{21}$/);
  });

  it('refuses to be combined with trustIncomingId: false', () => {
    assert.throws(() => codatErrors({ traceIdAsCorrelationId: true, trustIncomingId: false }), {
      name: 'TypeError',
      message: 'codat-errors: option "traceIdAsCorrelationId" reuses an incoming id, which "trustIncomingId: false" forbids; drop one of them',
    });
  });
});
