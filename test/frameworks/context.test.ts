// getCorrelationId() inside a request, on every framework of the registry: with asyncContext on, off,
// with the trace id of traceparent as the id, and from the headers the options name.
import assert from 'node:assert/strict';
import { EventEmitterAsyncResource } from 'node:events';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { getCorrelationId, NotFound } from 'codat-errors';
import { frameworks, type Routes } from '../support/frameworks.ts';
import { idPattern } from '../support/ids.ts';
import { request } from '../support/serve.ts';

/** Jobs queued by a request and run later from a timer that no request started. */
const queue: Array<() => void> = [];
setInterval(() => {
  for (const job of queue.splice(0)) job();
}, 5).unref();

const routes: Routes = {
  'GET /seen': async () => {
    const seen: Record<string, string | undefined> = { handler: getCorrelationId() };
    await sleep(1);
    seen.afterAwait = getCorrelationId();
    seen.timeout = await new Promise((resolve) => setTimeout(() => resolve(getCorrelationId()), 1));
    seen.immediate = await new Promise((resolve) => setImmediate(() => resolve(getCorrelationId())));
    await pipeline(
      Readable.from(['a']),
      new Transform({
        transform(_chunk, _encoding, done) {
          seen.stream = getCorrelationId();
          done();
        },
      }),
    );
    const emitter = new EventEmitterAsyncResource({ name: 'invoice-job' });
    seen.emitter = await new Promise((resolve) => {
      emitter.on('done', () => resolve(getCorrelationId()));
      queue.push(() => emitter.emit('done'));
    });
    return seen;
  },
  'GET /slow/:ms': async ({ params }) => {
    await sleep(Number(params.ms));
    return getCorrelationId();
  },
  'GET /missing': async () => {
    await sleep(1);
    throw new NotFound(`No invoice for ${getCorrelationId()}`);
  },
};

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const traceparent = `00-${traceId}-00f067aa0ba902b7-01`;
const seenId = { 'GET /id': () => getCorrelationId() };

for (const framework of frameworks) {
  describe(`${framework.name}: getCorrelationId() with asyncContext`, async () => {
    const { url } = await framework.serve(routes, { options: { asyncContext: true } });

    it('returns the request id in the handler, after await, in timers, streams and a bound emitter', async () => {
      const reply = await request(`${url}/seen`, { headers: { 'x-correlation-id': 'ctx-1' } });
      assert.deepEqual(reply.body, {
        handler: 'ctx-1',
        afterAwait: 'ctx-1',
        timeout: 'ctx-1',
        immediate: 'ctx-1',
        stream: 'ctx-1',
        emitter: 'ctx-1',
      });
    });

    it('returns the generated id when the request brings none', async () => {
      const reply = await request(`${url}/slow/1`);
      assert.match(reply.headers.get('x-correlation-id') ?? '', idPattern);
      assert.equal(reply.body, reply.headers.get('x-correlation-id'));
    });

    it('keeps concurrent requests apart', async () => {
      const ids = ['first', 'second', 'third', 'fourth'];
      // The first request waits longest, so the others run while it waits.
      const replies = await Promise.all(
        ids.map((id, i) => request(`${url}/slow/${(ids.length - i) * 5}`, { headers: { 'x-correlation-id': id } })),
      );
      assert.deepEqual(
        replies.map((r) => r.body),
        ids,
      );
    });

    it('is there while the error is thrown', async () => {
      const reply = await request(`${url}/missing`, { headers: { 'x-correlation-id': 'ctx-404' } });
      assert.equal(reply.status, 404);
      assert.equal(
        reply.text,
        JSON.stringify({
          statusCode: 404,
          service: 'PublicApi',
          error: 'No invoice for ctx-404',
          correlationId: 'ctx-404',
        }),
      );
    });

    it('is undefined outside a request, also after one', async () => {
      await request(`${url}/slow/1`, { headers: { 'x-correlation-id': 'gone' } });
      assert.equal(getCorrelationId(), undefined);
    });
  });

  for (const [name, options] of [
    ['asyncContext off, the default', {}],
    ['asyncContext: false', { asyncContext: false }],
  ] as const) {
    describe(`${framework.name}: ${name}`, async () => {
      const { url } = await framework.serve(
        { 'GET /seen': ({ correlationId }) => ({ seen: getCorrelationId() ?? null, stamped: correlationId }) },
        { options },
      );

      it('leaves getCorrelationId() undefined but the id everywhere else', async () => {
        const reply = await request(`${url}/seen`, { headers: { 'x-correlation-id': 'off-1' } });
        assert.equal(reply.headers.get('x-correlation-id'), 'off-1');
        assert.deepEqual(reply.body, { seen: null, stamped: 'off-1' });
      });

      it('stamps a generated id on the request and the header alike', async () => {
        const reply = await request(`${url}/seen`);
        const id = reply.headers.get('x-correlation-id') ?? '';
        assert.match(id, idPattern);
        assert.deepEqual(reply.body, { seen: null, stamped: id });
      });
    });
  }

  describe(`${framework.name}: traceIdAsCorrelationId`, async () => {
    const { url } = await framework.serve(seenId, { options: { traceIdAsCorrelationId: true, asyncContext: true } });

    it('takes the trace id of traceparent when no correlation header comes', async () => {
      const reply = await request(`${url}/id`, { headers: { traceparent } });
      assert.equal(reply.headers.get('x-correlation-id'), traceId);
      assert.equal(reply.body, traceId);
    });

    it('prefers the correlation header', async () => {
      const reply = await request(`${url}/id`, { headers: { traceparent, 'x-correlation-id': 'from-header' } });
      assert.equal(reply.body, 'from-header');
    });

    it('generates an id when neither header comes', async () => {
      const reply = await request(`${url}/id`);
      const id = reply.headers.get('x-correlation-id') ?? '';
      assert.match(id, idPattern);
      assert.equal(reply.body, id);
    });

    for (const [name, value] of [
      ['an all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
      ['version ff', `ff-${traceId}-00f067aa0ba902b7-01`],
      ['upper-case hex', `00-${traceId.toUpperCase()}-00f067aa0ba902b7-01`],
      ['a short trace id', '00-4bf92f35-00f067aa0ba902b7-01'],
    ]) {
      it(`generates an id for ${name}`, async () => {
        const reply = await request(`${url}/id`, { headers: { traceparent: value! } });
        assert.match(reply.body as string, idPattern);
      });
    }

    it('ignores traceparent unless asked', async () => {
      const plain = await framework.serve(seenId, { options: { asyncContext: true } });
      const reply = await request(`${plain.url}/id`, { headers: { traceparent } });
      assert.match(reply.body as string, idPattern);
    });
  });
}

for (const framework of frameworks) {
  describe(`${framework.name}: the headers the id is read from`, async () => {
    const listed = await framework.serve(seenId, {
      options: { correlationHeader: ['x-correlation-id', 'x-request-id'], asyncContext: true },
    });
    const untrusting = await framework.serve(seenId, { options: { trustIncomingId: false, asyncContext: true } });

    it('takes the id from a later header of the list, and echoes it in the first', async () => {
      const reply = await request(`${listed.url}/id`, { headers: { 'x-request-id': 'from-request-id' } });
      assert.equal(reply.headers.get('x-correlation-id'), 'from-request-id');
      assert.equal(reply.body, 'from-request-id');
    });

    it('prefers the first header of the list', async () => {
      const reply = await request(`${listed.url}/id`, {
        headers: { 'x-request-id': 'second', 'x-correlation-id': 'first' },
      });
      assert.equal(reply.body, 'first');
    });

    it('generates an id whatever comes in when incoming ids are not trusted', async () => {
      const reply = await request(`${untrusting.url}/id`, { headers: { 'x-correlation-id': 'from-client' } });
      const id = reply.headers.get('x-correlation-id') ?? '';
      assert.match(id, idPattern);
      assert.equal(reply.body, id);
    });
  });
}
