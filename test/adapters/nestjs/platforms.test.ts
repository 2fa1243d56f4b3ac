// What each platform under Nest brings of its own: a body that does not parse (never echoed), too
// large or of an unknown type, a response cut after it began, a Fastify hook that fails before the id,
// the async context across a request body, and where a 5xx is printed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Body, Res } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getCorrelationId, NotFound } from 'codat-errors';
import { envelopeText } from '../../support/envelope-text.ts';
import { idPattern } from '../../support/ids.ts';
import { controllerOf, serveNest, type NestPlatform } from '../../support/nest-app.ts';
import { rawExchange } from '../../support/raw-http.ts';
import { request } from '../../support/serve.ts';

const envelope = (statusCode: number, error: string) => ({ statusCode, service: 'PublicApi', error });
const secret = 'password=hunter2';

/** What each platform answers for a body too large for its parser. */
const tooLarge: Record<NestPlatform, string> = {
  // body-parser's exposed message, as codat-errors/express answers it.
  express: 'request entity too large',
  // Fastify's error exposes nothing: the reason phrase, as codat-errors/fastify answers it.
  fastify: 'Payload Too Large',
};

interface Writable {
  write(chunk: string): unknown;
  raw?: { write(chunk: string): unknown };
}

for (const platform of ['express', 'fastify'] as const) {
  describe(`NestJS on ${platform}: the platform's own errors`, async () => {
    const { url } = await serveNest(platform, {
      options: { asyncContext: true },
      controllers: [
        controllerOf({
          'POST /echo': { handle: (body: unknown) => ({ body, id: getCorrelationId() }), params: [Body()] },
          'GET /partial': {
            handle: (res: Writable) => {
              (res.raw ?? res).write('partial');
              throw new Error('after the headers');
            },
            params: [Res()],
          },
        }),
      ],
    });
    const post = (body: string, type = 'application/json'): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': type, 'x-correlation-id': 'body-1' },
      body,
    });

    it("answers a body that is not JSON with Koa's 400, and never echoes it", async () => {
      const reply = await request(`${url}/echo`, post(`{"a":${secret}`));
      assert.equal(reply.status, 400);
      assert.equal(reply.text, envelopeText(envelope(400, 'Request body is not valid JSON'), 'body-1'));
      assert.equal(reply.headers.get('x-correlation-id'), 'body-1');
    });

    it('answers a body over the limit with 413', async () => {
      const reply = await request(`${url}/echo`, post(JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) })));
      assert.equal(reply.status, 413);
      assert.equal(reply.text, envelopeText(envelope(413, tooLarge[platform]), 'body-1'));
    });

    it('keeps the async context across the body, into the handler', async () => {
      const reply = await request(`${url}/echo`, post('{"a":1}'));
      assert.equal(reply.status, 201);
      assert.deepEqual(reply.body, { body: { a: 1 }, id: 'body-1' });
    });

    it('cuts the connection when the response had begun: nothing is appended', async () => {
      const text = await rawExchange(url, 'GET /partial HTTP/1.1\r\nHost: x\r\n\r\n');
      assert.match(text, /^HTTP\/1\.1 200 /);
      assert.ok(text.endsWith('7\r\npartial\r\n'), text);
      assert.ok(!text.includes('Internal Server Error'));
    });
  });
}

describe('NestJS on fastify: what Fastify fails before the routes', async () => {
  const hostile = Object.defineProperty(new Error('hostile'), 'code', {
    get() {
      throw new Error('trap');
    },
  });
  const { url } = await serveNest('fastify', {
    controllers: [controllerOf({ 'POST /echo': { handle: (body: unknown) => body, params: [Body()] } })],
    configure: (app) => {
      (app as NestFastifyApplication)
        .getHttpAdapter()
        .getInstance()
        .addHook('onRequest', async (req) => {
          if (req.url === '/early') throw new NotFound('Stopped early');
          if (req.url === '/hostile') throw hostile;
        });
    },
  });

  it('answers a body of a type it cannot parse with 415', async () => {
    const reply = await request(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-correlation-id': 'xml-1' },
      body: '<a/>',
    });
    assert.equal(reply.status, 415);
    assert.equal(reply.text, envelopeText(envelope(415, 'Unsupported Media Type'), 'xml-1'));
  });

  it('gives an id to a request that an earlier hook failed, before the module stamped it', async () => {
    const reply = await request(`${url}/early`, { headers: { 'x-correlation-id': 'early-1' } });
    assert.equal(reply.status, 404);
    assert.equal(reply.headers.get('x-correlation-id'), 'early-1');
    assert.equal(reply.text, envelopeText(envelope(404, 'Stopped early'), 'early-1'));
  });

  it('answers an error whose code cannot even be read with a 500', async () => {
    const reply = await request(`${url}/hostile`);
    assert.equal(reply.status, 500);
    const id = reply.headers.get('x-correlation-id') ?? '';
    assert.match(id, idPattern);
    assert.equal(reply.text, envelopeText(envelope(500, 'Internal Server Error'), id));
  });
});
