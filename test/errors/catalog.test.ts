import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import createHttpError from 'http-errors';
import type * as codat from 'codat-errors';
import {
  BadRequest,
  CodatError,
  Conflict,
  DatatypeNotSupported,
  Forbidden,
  InternalServerError,
  LimitExceeded,
  MethodNotAllowed,
  NotFound,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UnavailableForLegalReasons,
  UnprocessableContent,
  isCodatError,
  toEnvelope,
} from 'codat-errors';

describe('the catalog', () => {
  const table: Array<[new () => CodatError, number, string]> = [
    [BadRequest, 400, 'Bad Request'],
    [Unauthorized, 401, 'Unauthorized'],
    [LimitExceeded, 402, 'Payment Required'],
    [Forbidden, 403, 'Forbidden'],
    [NotFound, 404, 'Not Found'],
    [Conflict, 409, 'Conflict'],
    [UnprocessableContent, 422, 'Unprocessable Content'],
    [UnavailableForLegalReasons, 451, 'Unavailable For Legal Reasons'],
    [InternalServerError, 500, 'Internal Server Error'],
    [ServiceUnavailable, 503, 'Service Unavailable'],
  ];
  for (const [ErrorClass, status, phrase] of table) {
    it(`${ErrorClass.name}: ${status}, "${phrase}", the http-errors vocabulary`, () => {
      const error = new ErrorClass();
      assert.ok(error instanceof Error && error instanceof CodatError);
      assert.equal(error.status, status);
      assert.equal(error.statusCode, status);
      assert.equal(error.message, phrase);
      assert.equal(error.name, ErrorClass.name);
      assert.equal(error.expose, status < 500);
      assert.equal(error.exception, undefined);
      assert.ok(createHttpError.isHttpError(error), 'http-errors recognises it');
    });
  }

  it('MethodNotAllowed and TooManyRequests carry their headers; a bad retryAfter is rounded up or left out', () => {
    assert.deepEqual(new MethodNotAllowed(['GET', 'HEAD']).headers, { allow: 'GET, HEAD' });
    assert.deepEqual(new TooManyRequests(30, 'Slow down', { headers: { 'x-rate-limit': '10' } }).headers, {
      'x-rate-limit': '10',
      'retry-after': '30',
    });
    assert.equal(new TooManyRequests(30).retryAfter, 30);
    assert.deepEqual(new ServiceUnavailable().headers, {});
    assert.deepEqual(new TooManyRequests(1.5).headers, { 'retry-after': '2' });
    assert.deepEqual(new ServiceUnavailable('x', { retryAfter: -1 }).headers, {});
  });

  it('validation with warnings only has empty errors', () => {
    assert.deepEqual(new BadRequest('x', { validation: { warnings: [{ message: 'w' }] } }).validation, {
      errors: [],
      warnings: [{ message: 'w' }],
    });
  });

  it('CodatError takes any status of 400–599 and refuses others', () => {
    assert.equal(new CodatError(undefined, { status: 422 }).message, 'Unprocessable Entity');
    assert.equal(new CodatError().status, 500);
    assert.throws(() => new CodatError('x', { status: 302 }), /status must be an integer from 400 to 599, got 302/);
  });

  it('keeps cause, and names user subclasses for their exception', () => {
    const cause = new Error('socket hang up');
    class InvoicePdfNotFoundException extends NotFound {}
    const error = new InvoicePdfNotFoundException('x', { cause });
    assert.equal(error.cause, cause);
    assert.equal(error.exception, 'InvoicePdfNotFoundException');
    assert.equal(error.name, 'InvoicePdfNotFoundException');
    assert.equal(error.status, 404);
    assert.ok(error instanceof NotFound);
    assert.equal(new DatatypeNotSupported('invoices', ['Xero']).exception, undefined);
  });

  it('keeps instanceof CodatError and isCodatError working across two loaded copies of the package', async () => {
    // Inside node_modules so that the copy finds its own dependency, nanoid, as an installed package would.
    const copy = await mkdtemp(fileURLToPath(new URL('../../node_modules/.codat-errors-copy-', import.meta.url)));
    after(() => rm(copy, { recursive: true, force: true }));
    await cp(new URL('../../dist', import.meta.url), copy, { recursive: true });
    await writeFile(join(copy, 'package.json'), '{"type":"module"}');
    const other: typeof codat = await import(pathToFileURL(join(copy, 'index.js')).href);
    assert.notEqual(other.NotFound, NotFound, 'really another copy');
    const foreign: unknown = new other.NotFound('x');
    assert.ok(foreign instanceof CodatError);
    assert.ok(!(foreign instanceof NotFound), 'a catalog class is a plain class: only the base checks the brand');
    assert.ok(!(foreign instanceof Conflict));
    assert.ok(isCodatError(foreign));
    assert.ok(new NotFound() instanceof other.CodatError);
    assert.ok(!(new Error('x') instanceof CodatError));
    assert.equal(toEnvelope(foreign, { correlationId: 'c' }).error, 'x');
  });
});
