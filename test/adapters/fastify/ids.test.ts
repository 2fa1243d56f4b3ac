// genReqId() for Fastify's server option: request.id, Fastify's reqId and the envelope carry one id,
// chosen once; and the id in the async context once Fastify has read a request body.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { getCorrelationId, NotFound } from 'codat-errors';
import { genReqId } from 'codat-errors/fastify';
import { envelopeText } from '../../support/envelope-text.ts';
import { serveFastify } from '../../support/fastify-app.ts';
import { idPattern } from '../../support/ids.ts';
import { request } from '../../support/serve.ts';

describe('Fastify: genReqId()', async () => {
  let generated = 0;
  const generateId = () => `generated-${++generated}`;
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const { url } = await serveFastify(
    (app) => {
      app.get('/ids', async (req) => {
        req.log.info('in the handler');
        return { id: req.id, correlationId: req.correlationId };
      });
      app.get('/missing', async () => {
        throw new NotFound('No company');
      });
    },
    { generateId },
    true,
    { genReqId: genReqId({ generateId }), logger: { level: 'info', stream } },
  );

  it('makes request.id the correlation id, chosen once: the plugin reuses it', async () => {
    generated = 0;
    const reply = await request(`${url}/ids`);
    assert.deepEqual(reply.body, { id: 'generated-1', correlationId: 'generated-1' });
    assert.equal(reply.headers.get('x-correlation-id'), 'generated-1');
    assert.equal(generated, 1);
  });

  it("reuses a valid incoming id, in Fastify's reqId log field too", async () => {
    lines.length = 0;
    const reply = await request(`${url}/ids`, { headers: { 'x-correlation-id': 'incoming-1' } });
    assert.deepEqual(reply.body, { id: 'incoming-1', correlationId: 'incoming-1' });
    assert.equal(lines.find((line) => line.msg === 'in the handler')?.reqId, 'incoming-1');
  });

  it('puts the same id in the envelope', async () => {
    const reply = await request(`${url}/missing`, { headers: { 'x-correlation-id': 'incoming-2' } });
    assert.equal(
      reply.text,
      envelopeText({ statusCode: 404, service: 'PublicApi', error: 'No company' }, 'incoming-2'),
    );
  });

  it('replaces an invalid incoming id', async () => {
    const reply = await request(`${url}/ids`, { headers: { 'x-correlation-id': 'bad id with spaces' } });
    assert.match((reply.body as { id: string }).id, /^generated-\d+$/);
  });

  it('takes only the options that choose an id, checked as the plugin checks them', () => {
    assert.throws(
      () => genReqId({ service: 'Billing' } as object),
      /genReqId\(\) takes only .*give "service" to the plugin/,
    );
    assert.throws(
      () => genReqId({ trustIncomingId: 'yes' } as object),
      /option "trustIncomingId" must be true or false/,
    );
    assert.throws(() => genReqId('x' as unknown as object), /options must be an object/);
  });
});

describe('Fastify: asyncContext with a request body', async () => {
  const { url } = await serveFastify(
    (app) => {
      app.post('/seen', async (req) => ({ seen: getCorrelationId(), body: req.body }));
    },
    { asyncContext: true },
  );

  it('gives getCorrelationId() in a handler that runs after the body was read', async () => {
    const reply = await request(`${url}/seen`, {
      method: 'POST',
      headers: { 'x-correlation-id': 'with-body', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Acme' }),
    });
    assert.deepEqual(reply.body, { seen: 'with-body', body: { name: 'Acme' } });
  });

  it('generates one when the request brings none', async () => {
    const reply = await request(`${url}/seen`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.match(reply.headers.get('x-correlation-id') ?? '', idPattern);
    assert.equal((reply.body as { seen: string }).seen, reply.headers.get('x-correlation-id'));
  });
});
