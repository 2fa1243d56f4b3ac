// The envelope made from a thrown value: toEnvelope apart from any framework, and over HTTP what
// normalize makes of a catalog error changed after it was made, and of its header values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadRequest, LimitExceeded, NotFound, toEnvelope } from 'codat-errors';
import { envelopeText } from '../support/envelope-text.ts';
import { anyFramework } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

describe('toEnvelope', () => {
  it('maps without any framework, keys in contract order', () => {
    const envelope = toEnvelope(LimitExceeded.accountExpired(), { service: 'Billing', correlationId: 'abc' });
    assert.deepEqual(Object.keys(envelope), ['statusCode', 'service', 'error', 'correlationId', 'validation']);
    assert.deepEqual(envelope, {
      statusCode: 402,
      service: 'Billing',
      error: 'Payment Required',
      correlationId: 'abc',
      validation: { errors: [{ message: 'Account expired.' }], warnings: [] },
    });
    assert.deepEqual(toEnvelope(new Error('secret'), { correlationId: 'abc' }), {
      statusCode: 500,
      service: 'PublicApi',
      error: 'Internal Server Error',
      correlationId: 'abc',
    });
  });

  it('keeps only the three known fields of validation items, in order', () => {
    const error = new BadRequest('bad', {
      validation: {
        errors: [{ validatorName: 'V', message: 'm', itemId: 'i', stack: 'secret' } as never, { message: 42 } as never],
        warnings: [{ message: 'w', itemId: 7 } as never],
      },
    });
    assert.equal(
      JSON.stringify(toEnvelope(error, { correlationId: 'c' }).validation),
      '{"errors":[{"itemId":"i","message":"m","validatorName":"V"},{"message":"42"}],"warnings":[{"itemId":"7","message":"w"}]}',
    );
  });
});

describe('a catalog error changed after it was made', async () => {
  const { url } = await anyFramework.serve({
    '/redirect': () => {
      throw Object.assign(new NotFound('gone'), { status: 302 });
    },
    '/validation': () => {
      throw Object.assign(new BadRequest('x'), { validation: { errors: 'text', warnings: { 0: { message: 'm' } } } });
    },
  });

  it('a status changed to a redirect is a 500, never a redirect without Location', async () => {
    const reply = await request(`${url}/redirect`, { redirect: 'manual' });
    assert.equal(reply.status, 500);
    assert.equal(reply.headers.get('location'), null);
    assert.equal(
      reply.text,
      envelopeText(
        { statusCode: 500, service: 'PublicApi', error: 'Internal Server Error' },
        reply.headers.get('x-correlation-id')!,
      ),
    );
  });

  it('validation replaced by something else sends empty arrays', async () => {
    const reply = await request(`${url}/validation`);
    assert.deepEqual(reply.body, {
      statusCode: 400,
      service: 'PublicApi',
      error: 'x',
      correlationId: reply.headers.get('x-correlation-id'),
      validation: { errors: [], warnings: [] },
    });
  });
});

describe('the headers of a catalog error', () => {
  it('a header value that is not a finite number is dropped, a finite one sent', async () => {
    const { url } = await anyFramework.serve({
      '/': () => {
        throw new NotFound('x', { headers: { 'x-retry-in': 30, 'x-never': Infinity } });
      },
    });
    const reply = await request(url);
    assert.equal(reply.status, 404);
    assert.equal(reply.headers.get('x-retry-in'), '30');
    assert.equal(reply.headers.get('x-never'), null);
  });
});
