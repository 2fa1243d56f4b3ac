// Point 5 of issue 16: toEnvelope works without its context, with the middleware's defaults.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isErrorEnvelope, isValidCorrelationId, NotFound, toEnvelope } from 'codat-errors';

describe('toEnvelope without a context', () => {
  it('names the service PublicApi and generates an id', () => {
    const envelope = toEnvelope(new NotFound('No such invoice'));
    assert.deepEqual(
      { ...envelope, correlationId: 'x' },
      { statusCode: 404, service: 'PublicApi', error: 'No such invoice', correlationId: 'x' },
    );
    assert.ok(isValidCorrelationId(envelope.correlationId), envelope.correlationId);
    assert.ok(isErrorEnvelope(envelope));
  });

  it('generates a new id for each envelope', () => {
    assert.notEqual(toEnvelope(new Error('x')).correlationId, toEnvelope(new Error('x')).correlationId);
  });

  it('takes the defaults for what a context leaves out, or for null from JavaScript', () => {
    const withService = toEnvelope('thrown text', { service: 'Payroll' });
    assert.equal(withService.service, 'Payroll');
    assert.equal(withService.error, 'Internal Server Error');
    assert.ok(isValidCorrelationId(withService.correlationId));
    assert.equal(toEnvelope(new NotFound(), { correlationId: 'abc' }).correlationId, 'abc');
    assert.equal(toEnvelope(new NotFound(), null as never).service, 'PublicApi');
  });
});
