import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codatErrors } from 'codat-errors';

describe('invalid options throw at start-up, saying what to pass', () => {
  const wrong: Array<[unknown, RegExp]> = [
    [{ service: '' }, /option "service" must be a non-empty string such as "PublicApi", got ""/],
    [{ service: 42 }, /option "service" must be a non-empty string.*got 42/],
    [{ correlationHeader: 'x correlation' }, /option "correlationHeader" must be a header name such as "x-correlation-id", or a non-empty list of them such as \["x-correlation-id", "x-request-id"\], got "x correlation"/],
    [{ generateId: 'nanoid' }, /option "generateId" must be a function that returns a new id, got "nanoid"/],
    [{ trustIncomingId: 'yes' }, /option "trustIncomingId" must be true or false, got "yes"/],
    [{ logger: console.log }, /option "logger" must be a logger with warn\(obj, msg\) and error\(obj, msg\) methods, such as a pino instance, got a function/],
    [{ logger: { warn() {} } }, /option "logger" must be a logger.*got an object/],
    [{ servce: 'PublicApi' }, /unknown option "servce"; the options are service, correlationHeader, generateId, trustIncomingId, logger, limits/],
    [{ limits: { items: 0 } }, /option "limits" must be an object of positive integers: \{ errorLength, fieldLength, items \}, got an object/],
    [{ limits: { errorLength: 1.5 } }, /option "limits" must be an object of positive integers/],
    [{ limits: { maxItems: 5 } }, /option "limits" must be an object of positive integers/],
    [{ limits: 100 }, /option "limits" must be an object of positive integers.*got 100/],
    ['PublicApi', /options must be an object/],
    [null, /options must be an object/],
  ];
  for (const [options, message] of wrong) {
    it(`rejects ${JSON.stringify(options)}`, () => {
      assert.throws(() => codatErrors(options as never), (error: Error) => error instanceof TypeError && message.test(error.message));
    });
  }

  it('accepts no options, undefined values and every valid option', () => {
    assert.equal(typeof codatErrors(), 'function');
    assert.equal(typeof codatErrors({ service: undefined }), 'function');
    const logger = { warn() {}, error() {} };
    assert.equal(typeof codatErrors({ service: 'Api', correlationHeader: 'Request-Id', generateId: () => 'x', trustIncomingId: false, logger, limits: { items: 5 } }), 'function');
  });
});
