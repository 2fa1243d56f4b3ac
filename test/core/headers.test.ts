// The headers an error carries, as sent: the cases of test/support/cases.ts cover the allowlist of foreign errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFound } from 'codat-errors';
import { anyFramework } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

describe('the headers of a catalog error', () => {
  it('a header value that is not a finite number is dropped, a finite one sent', async () => {
    const { url } = await anyFramework.serve({ '/': () => { throw new NotFound('x', { headers: { 'x-retry-in': 30, 'x-never': Infinity } }); } });
    const reply = await request(url);
    assert.equal(reply.status, 404);
    assert.equal(reply.headers.get('x-retry-in'), '30');
    assert.equal(reply.headers.get('x-never'), null);
  });
});
