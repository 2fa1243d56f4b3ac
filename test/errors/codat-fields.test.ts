// Every error takes Codat's canBeRetried and detailedErrorCode, checked where they are given; the
// catalog gains 422 and 451.
import assert from 'node:assert/strict';
import { STATUS_CODES } from 'node:http';
import { describe, it } from 'node:test';
import {
  BadRequest,
  CodatError,
  DatatypeNotSupported,
  DownstreamError,
  InternalServerError,
  LimitExceeded,
  MethodNotAllowed,
  NotFound,
  ServiceUnavailable,
  TooManyRequests,
  UnavailableForLegalReasons,
  UnprocessableContent,
  toEnvelope,
} from 'codat-errors';

const fields = { canBeRetried: 'No', detailedErrorCode: 4221 };

describe('canBeRetried and detailedErrorCode on errors', () => {
  const makers: Array<[string, (options: object) => CodatError]> = [
    ['CodatError', (options) => new CodatError('x', { status: 423, ...options })],
    ['BadRequest', (options) => new BadRequest('x', options)],
    ['BadRequest.fromIssues', (options) => BadRequest.fromIssues([{ message: 'Required', path: ['name'] }], options)],
    ['LimitExceeded', (options) => new LimitExceeded(undefined, options)],
    ['NotFound', (options) => new NotFound('x', options)],
    ['DatatypeNotSupported', (options) => new DatatypeNotSupported('invoices', ['Xero'], options)],
    ['MethodNotAllowed', (options) => new MethodNotAllowed(['GET'], undefined, options)],
    ['UnprocessableContent', (options) => new UnprocessableContent(undefined, options)],
    ['TooManyRequests', (options) => new TooManyRequests(30, undefined, options)],
    ['UnavailableForLegalReasons', (options) => new UnavailableForLegalReasons(undefined, options)],
    ['InternalServerError', (options) => new InternalServerError('x', options)],
    ['ServiceUnavailable', (options) => new ServiceUnavailable('x', { retryAfter: 5, ...options })],
  ];

  for (const [name, make] of makers) {
    it(`${name} keeps the values it is given, and has none when given none`, () => {
      const error = make(fields);
      assert.equal(error.canBeRetried, 'No');
      assert.equal(error.detailedErrorCode, 4221);
      const plain = make({});
      assert.equal(plain.canBeRetried, undefined);
      assert.equal(plain.detailedErrorCode, undefined);
    });

    it(`${name} leaves out a value of the wrong type, keeping its own status (no 4xx becomes a 500)`, () => {
      const status = make({}).status;
      for (const options of [
        { canBeRetried: true },
        { canBeRetried: 0 },
        { detailedErrorCode: 1.5 },
        { detailedErrorCode: '12' },
        { detailedErrorCode: 2 ** 53 },
        { detailedErrorCode: Number.NaN },
      ]) {
        const error = make(options);
        assert.equal(error.canBeRetried, undefined, JSON.stringify(options));
        assert.equal(error.detailedErrorCode, undefined, JSON.stringify(options));
        assert.equal(error.status, status, JSON.stringify(options));
      }
    });
  }

  it('accepts any string and any safe integer, the empty string and negative codes included', () => {
    for (const [canBeRetried, detailedErrorCode] of [
      ['', 0],
      ['Unknown', -1],
      ['Yes', Number.MAX_SAFE_INTEGER],
      ['No', Number.MIN_SAFE_INTEGER],
    ] as const) {
      const error = new NotFound(undefined, { canBeRetried, detailedErrorCode });
      assert.deepEqual([error.canBeRetried, error.detailedErrorCode], [canBeRetried, detailedErrorCode]);
    }
  });

  it('DownstreamError keeps what it received, and sets none when the envelope had none', () => {
    const received = {
      statusCode: 409,
      service: 'QuickBooksOnline',
      error: 'Sync not finished',
      correlationId: 'b-1',
      canBeRetried: 'Yes',
      detailedErrorCode: 7,
    };
    const error = new DownstreamError(received);
    assert.deepEqual([error.canBeRetried, error.detailedErrorCode], ['Yes', 7]);
    assert.deepEqual(toEnvelope(error, { correlationId: 'b-1' }), received);
    const bare = new DownstreamError({
      statusCode: 404,
      service: 'QuickBooksOnline',
      error: 'Not Found',
      correlationId: 'b-2',
    });
    assert.deepEqual([bare.canBeRetried, bare.detailedErrorCode], [undefined, undefined]);
    assert.equal(
      JSON.stringify(toEnvelope(bare, { correlationId: 'b-2' })),
      '{"statusCode":404,"service":"QuickBooksOnline","error":"Not Found","correlationId":"b-2"}',
    );
  });

  it('DownstreamError refuses an envelope whose Codat fields have the wrong type, as isErrorEnvelope does', () => {
    const received = {
      statusCode: 409,
      service: 'QuickBooksOnline',
      error: 'x',
      correlationId: 'b-1',
      canBeRetried: false,
    };
    assert.throws(() => new DownstreamError(received as never), /DownstreamError needs an error envelope/);
  });
});

describe('422 UnprocessableContent and 451 UnavailableForLegalReasons', () => {
  it("UnprocessableContent is a 422 whose default message is RFC 9110's name, not Node's older one", () => {
    const error = new UnprocessableContent();
    assert.equal(error.status, 422);
    assert.equal(error.statusCode, 422);
    assert.equal(error.message, 'Unprocessable Content');
    assert.equal(STATUS_CODES[422], 'Unprocessable Entity');
    assert.equal(error.expose, true);
    assert.equal(error.exception, undefined);
    assert.equal(error.stack, 'UnprocessableContent: Unprocessable Content', 'a 4xx has no stack trace');
    assert.equal(new UnprocessableContent('Idempotency key reused').message, 'Idempotency key reused');
    assert.deepEqual(toEnvelope(new UnprocessableContent(), { correlationId: 'c' }), {
      statusCode: 422,
      service: 'PublicApi',
      error: 'Unprocessable Content',
      correlationId: 'c',
    });
  });

  it('UnprocessableContent takes the other options, exception included', () => {
    const error = new UnprocessableContent('Key reused', {
      exception: 'IdempotencyKeyException',
      service: 'Payroll',
      headers: { 'x-a': '1' },
    });
    assert.deepEqual(toEnvelope(error, { correlationId: 'c' }), {
      statusCode: 422,
      service: 'Payroll',
      error: 'IdempotencyKeyException: Key reused',
      correlationId: 'c',
    });
  });

  it("UnavailableForLegalReasons is a 451 with Node's reason phrase", () => {
    const error = new UnavailableForLegalReasons();
    assert.equal(error.status, 451);
    assert.equal(error.message, 'Unavailable For Legal Reasons');
    assert.equal(error.expose, true);
    assert.deepEqual(
      toEnvelope(
        new UnavailableForLegalReasons("Platform 'qudb' is not currently available for compliance purposes."),
        { correlationId: 'c' },
      ),
      {
        statusCode: 451,
        service: 'PublicApi',
        error: "Platform 'qudb' is not currently available for compliance purposes.",
        correlationId: 'c',
      },
    );
  });

  it('a subclass of either is named for itself, as with every catalog class', () => {
    class IdempotencyKeyReusedException extends UnprocessableContent {}
    assert.equal(
      toEnvelope(new IdempotencyKeyReusedException(), { correlationId: 'c' }).error,
      'IdempotencyKeyReusedException: Unprocessable Content',
    );
  });
});
