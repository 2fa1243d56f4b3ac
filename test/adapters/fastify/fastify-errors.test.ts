// Fastify's own errors keep their meaning in the envelope: schema validation as one item per Ajv error
// named as validate() names them, 415, 413, malformed JSON without its body, @fastify/sensible's errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sensible from '@fastify/sensible';
import { envelopeText } from '../../support/envelope-text.ts';
import { serveFastify } from '../../support/fastify-app.ts';
import { request } from '../../support/serve.ts';

const id = 'fastify-errors';
const headers = { 'x-correlation-id': id };
const json = (body: string): RequestInit => ({
  method: 'POST',
  headers: { ...headers, 'content-type': 'application/json' },
  body,
});
const envelope = (statusCode: number, error: string, validation?: unknown) =>
  envelopeText({ statusCode, service: 'PublicApi', error, validation }, id);

describe("Fastify: a route's schema", async () => {
  const { url } = await serveFastify(
    (app) => {
      app.post(
        '/companies/:id',
        {
          schema: {
            params: { type: 'object', properties: { id: { type: 'integer' } } },
            querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1 } } },
            headers: { type: 'object', required: ['x-tenant'] },
            body: {
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string' },
                address: { type: 'object', properties: { city: { type: 'string', minLength: 2 } } },
              },
            },
          },
        },
        async () => ({ ok: true }),
      );
      app.get('/thrown', async () => {
        // Fastify's error without the part it names: its items are not prefixed.
        throw Object.assign(new Error('x'), {
          code: 'FST_ERR_VALIDATION',
          statusCode: 400,
          validation: [{ keyword: 'type', instancePath: '/a', message: 'must be string', params: {} }],
        });
      });
    },
    { generateId: () => id },
  );
  const valid = { headers: { 'x-tenant': 't' }, body: '{"name":"Acme"}' };
  const post = (path: string, body = valid.body, extra: Record<string, string> = valid.headers) =>
    request(`${url}${path}`, { ...json(body), headers: { ...json(body).headers, ...extra } });

  for (const [part, path, body, extra, items] of [
    ['params', '/companies/abc', valid.body, valid.headers, [['params.id', 'must be integer', 'type']]],
    ['querystring', '/companies/1?limit=0', valid.body, valid.headers, [['query.limit', 'must be >= 1', 'minimum']]],
    [
      'body',
      '/companies/1',
      '{"address":{}}',
      valid.headers,
      [['body.name', "must have required property 'name'", 'required']],
    ],
    [
      'nested body',
      '/companies/1',
      '{"name":"Acme","address":{"city":"x"}}',
      valid.headers,
      [['body.address.city', 'must NOT have fewer than 2 characters', 'minLength']],
    ],
    [
      'headers',
      '/companies/1',
      valid.body,
      {},
      [['headers.x-tenant', "must have required property 'x-tenant'", 'required']],
    ],
  ] as const) {
    it(`answers invalid ${part} with a 400 naming each item as validate() would`, async () => {
      const reply = await post(path, body, extra);
      assert.equal(reply.status, 400);
      const errors = items.map(([itemId, message, validatorName]) => ({ itemId, message, validatorName }));
      assert.equal(reply.text, envelope(400, 'Bad Request', { errors, warnings: [] }));
    });
  }

  it('passes a valid request to the handler', async () => {
    const reply = await post('/companies/1?limit=2');
    assert.deepEqual(reply.body, { ok: true });
  });

  it('lists the items of an FST_ERR_VALIDATION that names no part unprefixed', async () => {
    const reply = await request(`${url}/thrown`, { headers });
    const errors = [{ itemId: 'a', message: 'must be string', validatorName: 'type' }];
    assert.equal(reply.text, envelope(400, 'Bad Request', { errors, warnings: [] }));
  });
});

describe("Fastify: its body parser's errors", async () => {
  const { url } = await serveFastify(
    (app) => {
      app.post('/echo', async (req) => req.body);
    },
    { generateId: () => id },
    true,
    { bodyLimit: 64 },
  );

  it('answers malformed JSON with a 400 that does not echo the body', async () => {
    const reply = await request(`${url}/echo`, json('{"password":"hunter2",'));
    assert.equal(reply.status, 400);
    assert.equal(reply.text, envelope(400, 'Request body is not valid JSON'));
  });

  it('answers an unsupported media type with a 415', async () => {
    const reply = await request(`${url}/echo`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/xml' },
      body: '<a/>',
    });
    assert.equal(reply.status, 415);
    assert.equal(reply.text, envelope(415, 'Unsupported Media Type'));
  });

  it('answers a body over bodyLimit with a 413', async () => {
    const reply = await request(`${url}/echo`, json(JSON.stringify({ text: 'x'.repeat(100) })));
    assert.equal(reply.status, 413);
    assert.equal(reply.text, envelope(413, 'Payload Too Large'));
  });
});

describe("Fastify: @fastify/sensible's errors", async () => {
  const { url } = await serveFastify(
    async (app) => {
      await app.register(sensible);
      app.get('/thrown', async () => {
        throw app.httpErrors.notFound('Company not found');
      });
      app.get('/reply', async (_req, reply) => reply.notFound());
      app.get('/teapot', async (_req, reply) => reply.imateapot('short and stout'));
      app.get('/bad-gateway', async () => {
        throw app.httpErrors.badGateway('upstream 10.0.0.7 refused');
      });
    },
    { generateId: () => id },
  );

  for (const [path, status, error] of [
    ['/thrown', 404, 'Company not found'],
    ['/reply', 404, 'Not Found'],
    ['/teapot', 418, 'short and stout'],
    ['/bad-gateway', 502, 'Bad Gateway'],
  ] as const) {
    it(`${path} answers ${status} as http-errors do`, async () => {
      const reply = await request(`${url}${path}`);
      assert.equal(reply.status, status);
      assert.equal(reply.text, envelope(status, error));
    });
  }
});
