// Edge behaviours that no other file reaches, one by one: the coverage gate of `npm test` asks for every branch.
import assert from 'node:assert/strict';
import { createServer as createTcpServer } from 'node:net';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import express from 'express';
import Koa from 'koa';
import {
  BadRequest, codatErrors, DownstreamError, getCorrelationId, itemsFromAjv, itemsFromIssues, NotFound, validate,
} from 'codat-errors';
import { codatErrors as expressErrors } from 'codat-errors/express';
import { recordErrorOnSpan } from 'codat-errors/opentelemetry';
import { checkConformance } from '../dist/check/conformance.js';
import { sendHead } from '../dist/check/transport.js';
import { envelopeText } from './support/envelope-text.ts';
import { request, serve } from './support/serve.ts';

const idPattern = /^[A-Za-z0-9_-]{21}$/;

async function koaApp(handler: Koa.Middleware, options?: Parameters<typeof codatErrors>[0]): Promise<string> {
  const app = new Koa();
  app.silent = true;
  app.use(codatErrors(options));
  app.use(handler);
  return (await serve(app.callback())).url;
}

describe('Koa: edges', () => {
  it('traceIdAsCorrelationId with neither header generates an id', async () => {
    const url = await koaApp(() => { throw new NotFound(); }, { traceIdAsCorrelationId: true });
    const reply = await request(url);
    assert.match(reply.headers.get('x-correlation-id') ?? '', idPattern);
  });

  it('a catalog error whose status was changed to a redirect is a 500, never a redirect without Location', async () => {
    const url = await koaApp(() => { throw Object.assign(new NotFound('gone'), { status: 302 }); });
    const reply = await request(url, { redirect: 'manual' });
    assert.equal(reply.status, 500);
    assert.equal(reply.headers.get('location'), null);
    assert.equal(reply.text, envelopeText({ statusCode: 500, service: 'PublicApi', error: 'Internal Server Error' }, reply.headers.get('x-correlation-id')!));
  });

  it('a catalog error whose validation was replaced by something else sends empty arrays', async () => {
    const url = await koaApp(() => { throw Object.assign(new BadRequest('x'), { validation: { errors: 'text', warnings: { 0: { message: 'm' } } } }); });
    const reply = await request(url);
    assert.deepEqual(reply.body, { statusCode: 400, service: 'PublicApi', error: 'x', correlationId: reply.headers.get('x-correlation-id'), validation: { errors: [], warnings: [] } });
  });

  it('a header value that is not a finite number is dropped, a finite one sent', async () => {
    const url = await koaApp(() => { throw new NotFound('x', { headers: { 'x-retry-in': 30, 'x-never': Infinity } }); });
    const reply = await request(url);
    assert.equal(reply.headers.get('x-retry-in'), '30');
    assert.equal(reply.headers.get('x-never'), null);
  });

  it('a foreign 405 thrown without a router sends an empty Allow', async () => {
    const url = await koaApp(() => { throw Object.assign(new Error('no'), { status: 405 }); });
    const reply = await request(url);
    assert.equal(reply.status, 405);
    assert.equal(reply.headers.get('allow'), '');
  });

  for (const [name, body] of [
    ['already failed', () => Readable.from([]).destroy(new Error('disk gone'))],
    ['destroyed without an error', () => new Readable({ read() {} }).destroy()],
    ['destroyed while waiting for its first chunk', () => {
      const stream = new Readable({ read() {} });
      setImmediate(() => stream.destroy());
      return stream;
    }],
  ] as const) {
    it(`a stream body ${name} becomes the 500 envelope`, async () => {
      const url = await koaApp((ctx) => { ctx.body = body(); });
      const reply = await request(url);
      assert.equal(reply.status, 500);
      assert.equal(reply.text, envelopeText({ statusCode: 500, service: 'PublicApi', error: 'Internal Server Error' }, reply.headers.get('x-correlation-id')!));
    });
  }

  it('a stream body with data ready is sent', async () => {
    const url = await koaApp((ctx) => {
      const stream = new Readable({ read() {} });
      stream.push('ready');
      stream.push(null);
      ctx.body = stream;
    });
    const reply = await request(url);
    assert.equal(reply.status, 200);
    assert.equal(reply.text, 'ready');
  });

  it('a route of @koa/router throwing its own 405 lists the matched methods', async () => {
    const app = new Koa();
    app.silent = true;
    app.use(codatErrors());
    const router = new Router();
    router.get('/x', () => { throw Object.assign(new Error('no'), { status: 405 }); });
    app.use(router.routes());
    const reply = await request(`${(await serve(app.callback())).url}/x`);
    assert.equal(reply.headers.get('allow'), 'HEAD, GET');
  });
});

describe('Express: edges', () => {
  it('asyncContext: false stamps the id without the async context', async () => {
    const errors = expressErrors({ asyncContext: false });
    const app = express();
    app.use(errors.correlation);
    app.get('/', (req, res) => { res.json({ seen: getCorrelationId() ?? null, id: req.correlationId }); });
    const reply = await request((await serve(app)).url);
    assert.deepEqual(reply.body, { seen: null, id: reply.headers.get('x-correlation-id') });
  });
});

describe('the catalog and the validation helpers: edges', () => {
  it('validation with warnings only has empty errors', () => {
    assert.deepEqual(new BadRequest('x', { validation: { warnings: [{ message: 'w' }] } }).validation, { errors: [], warnings: [{ message: 'w' }] });
  });

  it('DownstreamError keeps the cause it is given', () => {
    const cause = new Error('upstream');
    const error = new DownstreamError({ statusCode: 404, service: 'S', error: 'x', correlationId: 'c' }, { cause });
    assert.equal(error.cause, cause);
  });

  it('an Ajv error without a message gets one naming its keyword', () => {
    assert.deepEqual(itemsFromAjv([{ keyword: 'custom', instancePath: '/a', params: {} }]), [
      { itemId: 'a', message: 'must pass "custom" keyword validation', validatorName: 'custom' },
    ]);
  });

  it('issues without a path, or with a symbol key without description', () => {
    assert.deepEqual(itemsFromIssues([{ message: 'whole' }, { message: 'sym', path: [Symbol(), 'b'] }]), [{ message: 'whole' }, { itemId: '.b', message: 'sym' }]);
  });

  it('validate() refuses options that are no object', () => {
    assert.throws(() => validate({ body: () => true }, null as never), /validate\(\) options must be an object/);
  });

  it('an option given as an array is named as one', () => {
    assert.throws(() => codatErrors({ service: [] as never }), /option "service" must be a non-empty string such as "PublicApi", got an array/);
  });

  it('recordErrorOnSpan outside any span does nothing', () => {
    assert.equal(recordErrorOnSpan({ correlationId: 'c', statusCode: 500, method: 'GET', path: '/' }), undefined);
  });

});

/** A TCP server that answers every connection with `raw` and closes. */
async function rawServer(raw: string): Promise<URL> {
  const server = createTcpServer((socket) => socket.end(raw));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => server.close());
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}

describe('the checker: edges', () => {
  it('a HEAD answered with no complete head is an error', async () => {
    await assert.rejects(sendHead(await rawServer('HTTP/1.1 200 OK\r\n'), {}), /no complete head/);
  });

  it('a HEAD answered with something that is no HTTP is an error', async () => {
    await assert.rejects(sendHead(await rawServer('HELLO\r\n\r\n'), {}), /starts with "HELLO"/);
  });

  it('an http URL without a port goes to 80', async () => {
    await assert.rejects(sendHead(new URL('http://no-such-host.invalid/'), {}), /ENOTFOUND no-such-host\.invalid/);
  });

  it('an https URL without a port goes to 443', async () => {
    await assert.rejects(sendHead(new URL('https://127.0.0.1/'), {}), /ECONNREFUSED 127\.0\.0\.1:443/);
  });

  it('a JSON body that is an array is no envelope', async () => {
    const { url } = await serve((_req, res) => { res.statusCode = 404; res.setHeader('content-type', 'application/json'); res.end('[]'); });
    const report = await checkConformance({ url: new URL(url), method: 'POST', headers: {}, correlationHeader: 'x-correlation-id' });
    assert.equal(report.ok, false);
    assert.ok(report.results.some((result) => !result.ok && /JSON object/i.test(`${result.check} ${result.detail}`)), JSON.stringify(report.results));
  });
});
