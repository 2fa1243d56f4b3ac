// The hook of @hono/standard-validator, and what only the Hono validate() has: it reads the JSON body
// itself (an empty one is no value, an invalid one a 400 with a fixed message).
import assert from 'node:assert/strict';
import { sValidator } from '@hono/standard-validator';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { BadRequest } from 'codat-errors';
import { validate, validationHook } from 'codat-errors/hono';
import { envelopeText } from '../../support/envelope-text.ts';
import { request } from '../../support/serve.ts';
import { serveHono } from '../../support/web-app.ts';

const badRequest = (errors: unknown[], error = 'Bad Request') =>
  envelopeText({ statusCode: 400, service: 'PublicApi', error, validation: { errors, warnings: [] } }, 'v-1');
const headers = { 'x-correlation-id': 'v-1', 'content-type': 'application/json' };

describe('Hono: validationHook with sValidator', async () => {
  const { url } = await serveHono((app) => {
    app.post(
      '/companies/:id',
      sValidator('param', z.object({ id: z.coerce.number() }), validationHook),
      sValidator('query', z.object({ limit: z.coerce.number().max(100) }), validationHook),
      sValidator('json', z.object({ name: z.string() }), validationHook),
      (c) => c.json({ param: c.req.valid('param'), query: c.req.valid('query'), json: c.req.valid('json') }),
    );
  });

  it('a failing body: one item per issue, itemId under body', async () => {
    const reply = await request(`${url}/companies/7?limit=1`, { method: 'POST', headers, body: '{"name":1}' });
    assert.equal(reply.status, 400);
    assert.equal(
      reply.text,
      badRequest([{ itemId: 'body.name', message: 'Invalid input: expected string, received number' }]),
    );
  });

  it('query and param name their parts query and params', async () => {
    const query = await request(`${url}/companies/7?limit=500`, { method: 'POST', headers, body: '{}' });
    assert.equal(query.text, badRequest([{ itemId: 'query.limit', message: 'Too big: expected number to be <=100' }]));
    const param = await request(`${url}/companies/x?limit=1`, { method: 'POST', headers, body: '{}' });
    assert.equal(
      param.text,
      badRequest([{ itemId: 'params.id', message: 'Invalid input: expected number, received NaN' }]),
    );
  });

  it('passes the parsed values on', async () => {
    const reply = await request(`${url}/companies/7?limit=3`, { method: 'POST', headers, body: '{"name":"Acme"}' });
    assert.deepEqual(reply.body, { param: { id: 7 }, query: { limit: 3 }, json: { name: 'Acme' } });
  });
});

describe('Hono: validationHook on its own', () => {
  it('passes a success and names a target Hono does not have as it is', () => {
    assert.equal(validationHook({ success: true, target: 'json' }), undefined);
    assert.throws(
      () => validationHook({ success: false, target: 'header', error: [{ message: 'Required', path: ['x-key'] }] }),
      (error: unknown) => error instanceof BadRequest && error.validation?.errors[0]?.itemId === 'headers.x-key',
    );
    assert.throws(
      () => validationHook({ success: false, target: 'custom', error: [{ message: 'Required' }] }),
      (error: unknown) => error instanceof BadRequest && error.validation?.errors[0]?.itemId === 'custom',
    );
  });
});

describe('Hono: validate() reads the JSON body', async () => {
  const { url } = await serveHono((app) => {
    app.post('/notes', validate({ body: z.object({ text: z.string() }) }), (c) => c.json(c.req.valid('json' as never)));
    app.post('/search', validate({ query: z.object({ q: z.string() }) }), async (c) =>
      c.json({ query: c.req.valid('query' as never), body: await c.req.text() }),
    );
  });

  it("invalid JSON is a 400 with a fixed message, never the parser's", async () => {
    const reply = await request(`${url}/notes`, { method: 'POST', headers, body: '{"password":"hunter2"' });
    assert.equal(reply.status, 400);
    assert.equal(
      reply.text,
      envelopeText({ statusCode: 400, service: 'PublicApi', error: 'Request body is not valid JSON' }, 'v-1'),
    );
  });

  it('an empty body is no value: the schema says what is missing', async () => {
    const reply = await request(`${url}/notes`, { method: 'POST', headers });
    assert.equal(reply.status, 400);
    assert.equal(
      reply.text,
      badRequest([{ itemId: 'body', message: 'Invalid input: expected object, received undefined' }]),
    );
  });

  it('leaves the body alone when no schema checks it', async () => {
    const reply = await request(`${url}/search?q=acme`, { method: 'POST', headers, body: 'not json' });
    assert.deepEqual(reply.body, { query: { q: 'acme' }, body: 'not json' });
  });
});
