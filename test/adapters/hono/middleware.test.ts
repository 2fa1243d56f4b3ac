// What only the Hono middleware has: app.onError still runs and its answer becomes the envelope (unless
// it is one), HTTPException, Hono's default 404 and methodNotAllowed's 405, Hono's own printing of the
// errors its default onError gets, a response whose headers cannot change, and its set-up errors.
import assert from 'node:assert/strict';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { describe, it } from 'node:test';
import { getCorrelationId, NotFound, toEnvelope } from 'codat-errors';
import { codatErrors } from 'codat-errors/hono';
import { envelopeText } from '../../support/envelope-text.ts';
import { idPattern } from '../../support/ids.ts';
import { recordingLogger } from '../../support/logger.ts';
import { request, serve } from '../../support/serve.ts';
import { serveHono } from '../../support/web-app.ts';

const envelope = (statusCode: number, error: string, id: string) =>
  envelopeText({ statusCode, service: 'PublicApi', error }, id);

describe("Hono: the app's onError", async () => {
  const seen: string[] = [];
  const app = new Hono();
  app.use(codatErrors({ logger: recordingLogger().logger }));
  app.onError((error, c) => {
    seen.push(`${error.message} ${c.get('correlationId')}`);
    if (error.message === 'enveloped') {
      return c.json(toEnvelope(error, { correlationId: c.get('correlationId') }), 500);
    }
    if (error.message === 'bad json') return c.body('{', 500, { 'content-type': 'application/json' });
    return c.json({ message: 'oops' }, 500);
  });
  app.get('/missing', () => {
    throw new NotFound('No invoice');
  });
  app.get('/enveloped', () => {
    throw new Error('enveloped');
  });
  app.get('/bad-json', () => {
    throw new Error('bad json');
  });
  const { url } = await serve(getRequestListener(app.fetch));

  it('still runs, with the id, and its answer is replaced by the envelope', async () => {
    const reply = await request(`${url}/missing`, { headers: { 'x-correlation-id': 'h-1' } });
    assert.equal(reply.status, 404);
    assert.equal(reply.text, envelope(404, 'No invoice', 'h-1'));
    assert.deepEqual(seen, ['No invoice h-1']);
  });

  it('an answer that is an envelope already is kept, with the id header', async () => {
    const reply = await request(`${url}/enveloped`, { headers: { 'x-correlation-id': 'h-2' } });
    assert.equal(reply.status, 500);
    assert.equal(reply.text, envelope(500, 'Internal Server Error', 'h-2'));
    assert.equal(reply.headers.get('x-correlation-id'), 'h-2');
    assert.equal(reply.headers.get('content-type'), 'application/json');
  });

  it('an answer that claims JSON and is none is replaced', async () => {
    const reply = await request(`${url}/bad-json`, { headers: { 'x-correlation-id': 'h-3' } });
    assert.equal(reply.text, envelope(500, 'Internal Server Error', 'h-3'));
  });
});

describe('Hono: its own errors and answers', async () => {
  const { url } = await serveHono((app) => {
    app.use(methodNotAllowed({ app }));
    app.get('/sign-in', () => {
      const res = new Response(null, { headers: { 'WWW-Authenticate': 'Bearer', 'X-Secret': 'no' } });
      throw new HTTPException(401, { message: 'Sign in', res });
    });
    app.get('/teapot', () => {
      throw new HTTPException(418);
    });
    app.get('/upstream', () => {
      throw new HTTPException(502, { message: 'upstream 10.0.0.7 refused' });
    });
    app.get('/own-404', (c) => c.text('no such page', 404));
    app.get('/own-405', (c) => c.json({ no: true }, 405));
    app.get('/locked', (c) => c.body(null, 423, { 'retry-after': '5' }));
    app.get('/proxied', () => fetch(`${url}/own-404`));
    app.post('/companies', (c) => c.text('created', 201));
  });

  it("HTTPException: its status, its message below 500, its response's allowlisted headers", async () => {
    const reply = await request(`${url}/sign-in`, { headers: { 'x-correlation-id': 'he-1' } });
    assert.equal(reply.status, 401);
    assert.equal(reply.text, envelope(401, 'Sign in', 'he-1'));
    assert.equal(reply.headers.get('www-authenticate'), 'Bearer');
    assert.equal(reply.headers.get('x-secret'), null);
  });

  it('HTTPException without a message or response: the reason phrase', async () => {
    const reply = await request(`${url}/teapot`, { headers: { 'x-correlation-id': 'he-2' } });
    assert.equal(reply.text, envelope(418, "I'm a Teapot", 'he-2'));
  });

  it('HTTPException of 500 and more hides its message', async () => {
    const reply = await request(`${url}/upstream`, { headers: { 'x-correlation-id': 'he-3' } });
    assert.equal(reply.status, 502);
    assert.equal(reply.text, envelope(502, 'Bad Gateway', 'he-3'));
  });

  it("Hono's 404 for an unmatched route is the envelope", async () => {
    const reply = await request(`${url}/nowhere`, { headers: { 'x-correlation-id': 'nf-1' } });
    assert.equal(reply.status, 404);
    assert.equal(reply.text, envelope(404, 'Not Found', 'nf-1'));
    assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
  });

  it("methodNotAllowed's 405 is the envelope, with its Allow", async () => {
    const reply = await request(`${url}/companies`, { method: 'DELETE', headers: { 'x-correlation-id': 'na-1' } });
    assert.equal(reply.status, 405);
    assert.equal(reply.text, envelope(405, 'Method Not Allowed', 'na-1'));
    assert.equal(reply.headers.get('allow'), 'POST');
  });

  it("the app's own 404 text and 405 JSON are its own: kept, with the id", async () => {
    const text = await request(`${url}/own-404`);
    assert.equal(text.text, 'no such page');
    assert.match(text.headers.get('x-correlation-id') ?? '', idPattern);
    const json = await request(`${url}/own-405`);
    assert.deepEqual(json.body, { no: true });
  });

  it('an error status without a body is the envelope, its headers kept', async () => {
    const reply = await request(`${url}/locked`, { headers: { 'x-correlation-id': 'lk-1' } });
    assert.equal(reply.status, 423);
    assert.equal(reply.text, envelope(423, 'Locked', 'lk-1'));
    assert.equal(reply.headers.get('retry-after'), '5');
  });

  it('a response of fetch(), whose headers cannot change, is passed on with the id', async () => {
    const reply = await request(`${url}/proxied`, { headers: { 'x-correlation-id': 'px-1' } });
    assert.equal(reply.status, 404);
    assert.equal(reply.text, 'no such page');
    assert.equal(reply.headers.get('x-correlation-id'), 'px-1');
  });
});

describe("Hono: without an onError of the app's", async () => {
  const app = new Hono();
  app.use(codatErrors());
  app.get('/missing', () => {
    throw new NotFound('No invoice');
  });
  app.get('/crash', () => {
    throw new Error('db down');
  });
  const { url } = await serve(getRequestListener(app.fetch));

  it("Hono's default onError prints the Error it gets; codat-errors prints a 5xx once more, with its id", async () => {
    const printed: string[] = [];
    const consoleError = console.error;
    console.error = (...values: unknown[]) => printed.push(values.map(String).join(' '));
    try {
      const missing = await request(`${url}/missing`, { headers: { 'x-correlation-id': 'd-1' } });
      assert.equal(missing.text, envelope(404, 'No invoice', 'd-1'));
      const crash = await request(`${url}/crash`, { headers: { 'x-correlation-id': 'd-2' } });
      assert.equal(crash.text, envelope(500, 'Internal Server Error', 'd-2'));
    } finally {
      console.error = consoleError;
    }
    assert.equal(printed.length, 3);
    assert.match(printed[0]!, /NotFound: No invoice/);
    assert.match(printed[1]!, /Error: db down/);
    assert.match(printed[2]!, /^codat-errors: 500 GET \/crash correlationId=d-2\nError: db down\n {4}at /);
  });
});

describe('Hono: the id in the handler', async () => {
  const { url } = await serveHono(
    (app) => {
      app.get('/id', async (c) => {
        const typed: string = c.get('correlationId');
        await new Promise((resolve) => setTimeout(resolve, 1));
        return c.json({ typed, fromContext: getCorrelationId() });
      });
    },
    { asyncContext: true },
  );

  it("c.get('correlationId') and, with asyncContext, getCorrelationId()", async () => {
    const reply = await request(`${url}/id`, { headers: { 'x-correlation-id': 'id-1' } });
    assert.deepEqual(reply.body, { typed: 'id-1', fromContext: 'id-1' });
  });
});

describe('Hono: set-up errors say what to fix', () => {
  it('an invalid option throws when the middleware is made', () => {
    assert.throws(() => codatErrors({ service: '' }), /option "service" must be a non-empty string/);
    assert.throws(() => codatErrors({ prefix: '/v1' } as never), /unknown option "prefix"/);
  });
});
