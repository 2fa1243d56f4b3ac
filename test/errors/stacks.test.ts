import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  CodatError,
  DownstreamError,
  InternalServerError,
  LimitExceeded,
  NotFound,
  ServiceUnavailable,
} from 'codat-errors';
import { anyFramework } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

const frames = /\n\s+at /;

describe('stack traces: 5xx always, 4xx only when asked for', () => {
  afterEach(() => {
    CodatError.clientErrorStacks = false;
    delete (NotFound as { clientErrorStacks?: boolean }).clientErrorStacks;
  });

  it('a 4xx has its first line for a stack and no frames', () => {
    assert.equal(new NotFound('Invoice not found').stack, 'NotFound: Invoice not found');
    assert.equal(LimitExceeded.companyLimit().stack, 'LimitExceeded: Company limit exceeded');
    assert.equal(new CodatError('Ledger locked', { status: 423 }).stack, 'CodatError: Ledger locked');
    const downstream = new DownstreamError({
      statusCode: 404,
      service: 'QuickBooksOnline',
      error: 'Gone',
      correlationId: 'c',
    });
    assert.doesNotMatch(downstream.stack ?? '', frames);
  });

  it('a 5xx keeps its frames, whatever the setting', () => {
    assert.match(
      new InternalServerError('db down').stack ?? '',
      /^InternalServerError: db down\n\s+at .*errors\/stacks\.test\.ts/,
    );
    assert.match(new ServiceUnavailable().stack ?? '', frames);
    assert.match(new CodatError('x', { status: 502 }).stack ?? '', frames);
  });

  it('CodatError.clientErrorStacks = true gives every 4xx its frames', () => {
    CodatError.clientErrorStacks = true;
    assert.match(
      new NotFound('Invoice not found').stack ?? '',
      /^NotFound: Invoice not found\n\s+at .*errors\/stacks\.test\.ts/,
    );
    assert.match(LimitExceeded.companyLimit().stack ?? '', frames);
  });

  it('set on one class, it applies to that class and its subclasses only', () => {
    NotFound.clientErrorStacks = true;
    class InvoicePdfNotFoundException extends NotFound {}
    assert.match(new NotFound().stack ?? '', frames);
    assert.match(new InvoicePdfNotFoundException().stack ?? '', frames);
    assert.doesNotMatch(LimitExceeded.companyLimit().stack ?? '', frames);
  });

  it('leaves Error.stackTraceLimit as it was, also when the constructor throws', () => {
    const before = Error.stackTraceLimit;
    new NotFound();
    assert.equal(Error.stackTraceLimit, before);
    const options = {
      get cause(): unknown {
        throw new RangeError('no cause');
      },
    };
    assert.throws(() => new NotFound('x', options), RangeError);
    assert.equal(Error.stackTraceLimit, before);
    assert.match(new Error('plain').stack ?? '', frames);
  });

  it('the logger gets the 4xx without frames, and with them once asked for', async () => {
    const logged: unknown[] = [];
    const logger = { warn: (details: { err?: unknown }) => logged.push(details.err), error: () => {} };
    const { url } = await anyFramework.serve(
      {
        '/': () => {
          throw new NotFound('Invoice not found');
        },
      },
      { options: { logger } },
    );
    assert.equal((await request(url)).status, 404);
    CodatError.clientErrorStacks = true;
    assert.equal((await request(url)).status, 404);
    assert.equal((logged[0] as Error).stack, 'NotFound: Invoice not found');
    assert.match((logged[1] as Error).stack ?? '', frames);
  });
});
