// What only the Fastify plugin has: it applies to the whole app from any scope, its options fail
// register(), the not-found handler's bytes are Koa's, a bodiless error status gets the envelope, a
// route's own errorHandler wins, and an error after the response began cuts the connection.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { NotFound } from 'codat-errors';
import { codatErrors } from 'codat-errors/fastify';
import { envelopeText } from '../../support/envelope-text.ts';
import { serveFastify } from '../../support/fastify-app.ts';
import { frameworks } from '../../support/frameworks.ts';
import { idPattern } from '../../support/ids.ts';
import { recordingLogger } from '../../support/logger.ts';
import { rawExchange } from '../../support/raw-http.ts';
import { request, serve } from '../../support/serve.ts';

const koa = frameworks.find((framework) => framework.name === 'Koa 3')!;

describe('Fastify: the plugin applies to the whole app', async () => {
  const app = Fastify({ logger: { level: 'silent' } });
  // register() gives a plugin a scope of its own: this one's hooks and handlers still cover its siblings.
  await app.register(codatErrors, { service: 'Billing' });
  await app.register(async (sibling) => {
    sibling.get('/invoices/:id', async (req) => {
      throw new NotFound(`No invoice ${(req.params as { id: string }).id}`);
    });
    sibling.get('/ok', async (req) => ({ id: req.correlationId }));
  });
  await app.ready();
  const { url } = await serve(app.routing);

  it("answers a sibling scope's error with the envelope of its options", async () => {
    const reply = await request(`${url}/invoices/7`, { headers: { 'x-correlation-id': 'scoped-1' } });
    assert.equal(reply.status, 404);
    assert.equal(reply.text, envelopeText({ statusCode: 404, service: 'Billing', error: 'No invoice 7' }, 'scoped-1'));
  });

  it('stamps request.correlationId and the header on a success', async () => {
    const reply = await request(`${url}/ok`, { headers: { 'x-correlation-id': 'scoped-2' } });
    assert.equal(reply.headers.get('x-correlation-id'), 'scoped-2');
    assert.deepEqual(reply.body, { id: 'scoped-2' });
  });
});

describe('Fastify: the options are checked when the plugin is registered', () => {
  for (const [name, options, message] of [
    ['an empty service', { service: '' }, /option "service" must be a non-empty string/],
    ['a register() option that means nothing to an app-wide plugin', { prefix: '/v1' }, /unknown option "prefix"/],
  ] as const) {
    it(`${name}: register() rejects saying what to fix`, async () => {
      const app = Fastify();
      await assert.rejects(async () => {
        await app.register(codatErrors, options as object);
      }, message);
    });
  }
});

describe('Fastify: an unmatched route', async () => {
  const fastify = await serveFastify(() => {});
  const fromKoa = await koa.serve({});

  it("answers the same bytes as Koa's Not Found, not Fastify's own 404", async () => {
    const init = { headers: { 'x-correlation-id': 'unmatched-1' } };
    const [reply, koaReply] = await Promise.all([
      request(`${fastify.url}/no-such-route?q=1`, init),
      request(`${fromKoa.url}/no-such-route?q=1`, init),
    ]);
    assert.equal(reply.status, 404);
    assert.equal(reply.text, koaReply.text);
    assert.equal(
      reply.text,
      envelopeText({ statusCode: 404, service: 'PublicApi', error: 'Not Found' }, 'unmatched-1'),
    );
    assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
  });

  it('answers HEAD with the status and headers, and no body', async () => {
    const reply = await request(`${fastify.url}/no-such-route`, { method: 'HEAD' });
    assert.equal(reply.status, 404);
    const id = reply.headers.get('x-correlation-id')!;
    assert.match(id, idPattern);
    assert.equal(
      reply.headers.get('content-length'),
      String(Buffer.byteLength(envelopeText({ statusCode: 404, service: 'PublicApi', error: 'Not Found' }, id))),
    );
    assert.equal(reply.text, '');
  });
});

describe('Fastify: an error status sent without a body', async () => {
  const { entries, logger } = recordingLogger();
  const { url } = await serveFastify(
    (app) => {
      app.get('/forbidden', (_req, reply) => reply.code(403).send());
      app.get('/stale', (_req, reply) => reply.code(409).header('etag', '"v1"').send());
      app.get('/typed', (_req, reply) => reply.code(404).type('application/json').send());
      app.get('/no-content', (_req, reply) => reply.code(204).send());
    },
    { logger },
  );

  it('answers reply.code(403).send() with the envelope, reported as an error', async () => {
    const reply = await request(`${url}/forbidden`, { headers: { 'x-correlation-id': 'empty-403' } });
    assert.equal(reply.status, 403);
    assert.equal(reply.text, envelopeText({ statusCode: 403, service: 'PublicApi', error: 'Forbidden' }, 'empty-403'));
    assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(
      entries.map(({ level, details }) => [level, details.statusCode, details.path]),
      [['warn', 403, '/forbidden']],
    );
  });

  it('drops the headers that described the body it replaces', async () => {
    const reply = await request(`${url}/stale`);
    assert.equal(reply.status, 409);
    assert.equal(reply.headers.get('etag'), null);
    assert.equal((reply.body as { error: string }).error, 'Conflict');
  });

  it('keeps an empty body the handler sent with a type, and a success without a body', async () => {
    const typed = await request(`${url}/typed`);
    assert.equal(typed.status, 404);
    assert.equal(typed.text, '');
    const noContent = await request(`${url}/no-content`);
    assert.equal(noContent.status, 204);
    assert.equal(noContent.text, '');
  });
});

describe("Fastify: a route's own errorHandler", async () => {
  const { url } = await serveFastify((app) => {
    app.get(
      '/own',
      {
        errorHandler: (_error, _req, reply) => {
          reply.code(418).send({ mine: true });
        },
      },
      async () => {
        throw new NotFound('hidden');
      },
    );
    app.get('/other', async () => {
      throw new NotFound('shown');
    });
  });

  it('answers its route; the other routes keep the envelope', async () => {
    const own = await request(`${url}/own`);
    assert.equal(own.status, 418);
    assert.deepEqual(own.body, { mine: true });
    const other = await request(`${url}/other`);
    assert.equal(other.status, 404);
    assert.equal((other.body as { error: string }).error, 'shown');
  });
});

describe('Fastify: around the plugin', async () => {
  const { url } = await serveFastify((app) => {
    app.get('/partial', async (_req, reply) => {
      reply.raw.writeHead(200, { 'content-type': 'text/plain' });
      reply.raw.write('partial');
      throw new Error('after the headers');
    });
  });

  it('cuts the connection when the response had begun: nothing is appended', async () => {
    const text = await rawExchange(url, 'GET /partial HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.match(text, /^HTTP\/1\.1 200 /);
    // The chunk written, then the connection closed: no last chunk, no envelope.
    assert.ok(text.endsWith('7\r\npartial\r\n'), text);
    assert.ok(!text.includes('Internal Server Error'));
  });

  it('gives an id to a request that an earlier hook failed, before the plugin stamped it', async () => {
    const app = Fastify({ logger: { level: 'silent' } });
    app.addHook('onRequest', async (req) => {
      if (req.url === '/early') throw new NotFound('Stopped early');
    });
    await app.register(codatErrors);
    await app.ready();
    const served = await serve(app.routing);
    const reply = await request(`${served.url}/early`, { headers: { 'x-correlation-id': 'early-1' } });
    assert.equal(reply.status, 404);
    assert.equal(reply.headers.get('x-correlation-id'), 'early-1');
    assert.equal(
      reply.text,
      envelopeText({ statusCode: 404, service: 'PublicApi', error: 'Stopped early' }, 'early-1'),
    );
  });
});
