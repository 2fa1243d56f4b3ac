// The engine's bytes with Codat's fields: the default bytes unchanged, `codatFields: true`, per-error
// values, masking, foreign errors and bodiless statuses; the object and the bytes kept equal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import createHttpError from 'http-errors';
import {
  CodatError,
  Conflict,
  InternalServerError,
  LimitExceeded,
  NotFound,
  ServiceUnavailable,
  toEnvelope,
  codatErrors,
} from 'codat-errors';
import { createEngine } from '../../dist/core/engine.js';
import { normalize } from '../../dist/core/normalize.js';

const request = { method: 'GET', path: '/companies' };
const docsUrl = 'https://docs.codat.io/using-the-api/errors';
const companyLimit =
  '{"statusCode":402,"service":"PublicApi","error":"CompanyValidationException: Company limit exceeded","correlationId":"id-1","validation":{"errors":[{"itemId":"Company","message":"Company limit exceeded. Learn more at https://docs.codat.io/using-the-api/errors","validatorName":"CreateCompany"}],"warnings":[]}}';

/** The bytes the engine answers `thrown` with, checked equal to JSON.stringify of toEnvelope's object. */
function bytes(thrown: unknown, codatFields?: boolean): string {
  const body = createEngine(codatFields === undefined ? {} : { codatFields }).failure(thrown, request, 'id-1').body;
  assert.equal(
    body,
    JSON.stringify(toEnvelope(thrown, { correlationId: 'id-1', ...(codatFields !== undefined && { codatFields }) })),
  );
  return body;
}

describe("Codat's fields in the engine's bytes", () => {
  it('by default, an error that sets neither field is answered with the bytes of before', () => {
    assert.equal(
      bytes(new NotFound()),
      '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1"}',
    );
    assert.equal(bytes(LimitExceeded.companyLimit({ docsUrl })), companyLimit);
    assert.equal(
      bytes(new Error('secret')),
      '{"statusCode":500,"service":"PublicApi","error":"Internal Server Error","correlationId":"id-1"}',
    );
    assert.equal(
      bytes(new NotFound(), false),
      '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1"}',
    );
  });

  it('codatFields: true puts "Unknown" and 0 last in every envelope, after validation', () => {
    assert.equal(
      bytes(new NotFound(), true),
      '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1","canBeRetried":"Unknown","detailedErrorCode":0}',
    );
    assert.equal(
      bytes(LimitExceeded.companyLimit({ docsUrl }), true),
      `${companyLimit.slice(0, -1)},"canBeRetried":"Unknown","detailedErrorCode":0}`,
    );
  });

  it("codatFields: true sends the error's own values", () => {
    assert.equal(
      bytes(new Conflict('Sync not finished', { canBeRetried: 'Yes', detailedErrorCode: 3 }), true),
      '{"statusCode":409,"service":"PublicApi","error":"Sync not finished","correlationId":"id-1","canBeRetried":"Yes","detailedErrorCode":3}',
    );
  });

  it('without codatFields, an error that sets either gets both keys, the other at its default', () => {
    assert.equal(
      bytes(new Conflict('x', { canBeRetried: 'No' })),
      '{"statusCode":409,"service":"PublicApi","error":"x","correlationId":"id-1","canBeRetried":"No","detailedErrorCode":0}',
    );
    assert.equal(
      bytes(new Conflict('x', { detailedErrorCode: -12 })),
      '{"statusCode":409,"service":"PublicApi","error":"x","correlationId":"id-1","canBeRetried":"Unknown","detailedErrorCode":-12}',
    );
    assert.equal(
      bytes(new Conflict('x', { canBeRetried: 'a "quoted"\nvalue', detailedErrorCode: Number.MAX_SAFE_INTEGER })),
      '{"statusCode":409,"service":"PublicApi","error":"x","correlationId":"id-1","canBeRetried":"a \\"quoted\\"\\nvalue","detailedErrorCode":9007199254740991}',
    );
  });

  it('a masked 5xx keeps them: they say nothing secret', () => {
    assert.equal(
      bytes(new InternalServerError('db password=hunter2', { canBeRetried: 'Yes', detailedErrorCode: 500 })),
      '{"statusCode":500,"service":"PublicApi","error":"Internal Server Error","correlationId":"id-1","canBeRetried":"Yes","detailedErrorCode":500}',
    );
    assert.equal(
      bytes(new ServiceUnavailable('Maintenance', { retryAfter: 60, canBeRetried: 'Yes' }), true),
      '{"statusCode":503,"service":"PublicApi","error":"Service Unavailable","correlationId":"id-1","canBeRetried":"Yes","detailedErrorCode":0}',
    );
  });

  it('a foreign error never sets them: the defaults with codatFields, nothing without', () => {
    const foreign = () => createHttpError(409, 'Busy', { canBeRetried: 'Yes', detailedErrorCode: 9 });
    assert.equal(bytes(foreign()), '{"statusCode":409,"service":"PublicApi","error":"Busy","correlationId":"id-1"}');
    assert.equal(
      bytes(foreign(), true),
      '{"statusCode":409,"service":"PublicApi","error":"Busy","correlationId":"id-1","canBeRetried":"Unknown","detailedErrorCode":0}',
    );
    assert.equal(
      bytes({ canBeRetried: 'Yes' }, true),
      '{"statusCode":500,"service":"PublicApi","error":"Internal Server Error","correlationId":"id-1","canBeRetried":"Unknown","detailedErrorCode":0}',
    );
  });

  it('a bodiless error status gets the defaults with codatFields, nothing without', () => {
    assert.equal(
      createEngine({ codatFields: true }).errorStatus(404, request, 'id-1').body,
      '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1","canBeRetried":"Unknown","detailedErrorCode":0}',
    );
    assert.equal(
      createEngine({}).errorStatus(404, request, 'id-1').body,
      '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1"}',
    );
  });

  it('values put on an error past its constructor are checked again: a wrong type is dropped, a long text cut', () => {
    const error = new NotFound();
    Object.assign(error, { canBeRetried: true, detailedErrorCode: 1.5 });
    assert.equal(bytes(error), '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1"}');
    Object.assign(error, { canBeRetried: 'y'.repeat(50), detailedErrorCode: 2 ** 53 });
    const body = createEngine({ limits: { fieldLength: 10 } }).failure(error, request, 'id-1').body;
    assert.equal(
      body,
      '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1","canBeRetried":"yyyyyyyyyy","detailedErrorCode":0}',
    );
  });

  it('normalize gives the fields of a catalog error only, as the error sets them', () => {
    const own = normalize(new CodatError('x', { status: 418, detailedErrorCode: 1 }));
    assert.deepEqual([own.canBeRetried, own.detailedErrorCode], [undefined, 1]);
    const foreign = normalize(
      Object.assign(new Error('x'), { status: 400, expose: true, canBeRetried: 'Yes', detailedErrorCode: 4 }),
    );
    assert.deepEqual([foreign.canBeRetried, foreign.detailedErrorCode], [undefined, undefined]);
  });
});

describe('the codatFields option', () => {
  it('is checked at start-up like the others', () => {
    assert.throws(
      () => codatErrors({ codatFields: 'yes' } as never),
      /^TypeError: codat-errors: option "codatFields" must be true or false, got "yes"$/,
    );
    assert.throws(
      () => codatErrors({ codatField: true } as never),
      /unknown option "codatField"; the options are .*, codatFields$/,
    );
    assert.equal(typeof codatErrors({ codatFields: true }), 'function');
    assert.equal(typeof codatErrors({ codatFields: undefined }), 'function');
  });
});
