// What normalize makes of a catalog error that was changed after it was made.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadRequest, NotFound } from 'codat-errors';
import { envelopeText } from '../support/envelope-text.ts';
import { anyFramework } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

describe('a catalog error changed after it was made', async () => {
  const { url } = await anyFramework.serve({
    '/redirect': () => { throw Object.assign(new NotFound('gone'), { status: 302 }); },
    '/validation': () => { throw Object.assign(new BadRequest('x'), { validation: { errors: 'text', warnings: { 0: { message: 'm' } } } }); },
  });

  it('a status changed to a redirect is a 500, never a redirect without Location', async () => {
    const reply = await request(`${url}/redirect`, { redirect: 'manual' });
    assert.equal(reply.status, 500);
    assert.equal(reply.headers.get('location'), null);
    assert.equal(reply.text, envelopeText({ statusCode: 500, service: 'PublicApi', error: 'Internal Server Error' }, reply.headers.get('x-correlation-id')!));
  });

  it('validation replaced by something else sends empty arrays', async () => {
    const reply = await request(`${url}/validation`);
    assert.deepEqual(reply.body, { statusCode: 400, service: 'PublicApi', error: 'x', correlationId: reply.headers.get('x-correlation-id'), validation: { errors: [], warnings: [] } });
  });
});
