// The async context apart from any framework: runWithCorrelationId() and the options that turn it on.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { codatErrors, getCorrelationId, runWithCorrelationId } from 'codat-errors';

describe('runWithCorrelationId()', () => {
  it('makes an id current for a job outside any request', async () => {
    const seen = await runWithCorrelationId('job-7', async () => {
      await sleep(1);
      return getCorrelationId();
    });
    assert.equal(seen, 'job-7');
    assert.equal(getCorrelationId(), undefined);
  });
});

describe('the asyncContext option', () => {
  it('is checked like every option', () => {
    assert.throws(() => codatErrors({ asyncContext: 'yes' as never }), {
      name: 'TypeError',
      message: 'codat-errors: option "asyncContext" must be true or false, got "yes"',
    });
  });
});

describe('the traceIdAsCorrelationId option', () => {
  it('refuses to be combined with trustIncomingId: false', () => {
    assert.throws(() => codatErrors({ traceIdAsCorrelationId: true, trustIncomingId: false }), {
      name: 'TypeError',
      message:
        'codat-errors: option "traceIdAsCorrelationId" reuses an incoming id, which "trustIncomingId: false" forbids; drop one of them',
    });
  });
});
