import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Koa from 'koa';
import { CodatApiError } from 'codat-errors/client';
import { DownstreamError, isCodatError, toEnvelope } from 'codat-errors';
import { withExample } from '../support/frameworks.ts';
import { serveKoa } from '../support/koa-app.ts';
import { request } from '../support/serve.ts';

/** A service that forwards `/proxy<path>` to `downstream`, passing its correlation id on and rethrowing what it gets. */
async function callingService(downstream: string) {
  const { url } = await serveKoa(
    Koa,
    (app) => {
      app.use(async (ctx) => {
        const target = `${downstream}${ctx.originalUrl.slice('/proxy'.length)}`;
        const response = await fetch(target, {
          method: ctx.method,
          headers: { 'x-correlation-id': String(ctx.state.correlationId) },
        });
        const received = await CodatApiError.fromResponse(response);
        if (received) throw new DownstreamError(received);
        ctx.body = await response.json();
      });
    },
    { service: 'Payroll' },
  );
  return url;
}

for (const framework of withExample) {
  describe(`${framework.name} example as the downstream service`, async () => {
    const downstream = (await framework.example()).url;
    const upstream = await callingService(downstream);
    const both = async (path: string, method = 'GET') => {
      const headers = { 'x-correlation-id': 'chain-1' };
      return [
        await request(`${upstream}/proxy${path}`, { method, headers }),
        await request(`${downstream}${path}`, { method, headers }),
      ] as const;
    };

    for (const [method, path] of [
      ['GET', '/invoices/12345/pdf?companyId=360cb9b3-d9cf-4f66-b8db-8a3523fe3dc5'],
      ['POST', '/companies'],
      ['GET', '/account'],
      ['GET', '/datatypes/invoices'],
    ]) {
      it(`${method} ${path}: the envelope travels unchanged, byte for byte, with its service and status`, async () => {
        const [mine, theirs] = await both(path!, method);
        assert.equal(mine.status, theirs.status);
        assert.equal(mine.text, theirs.text);
        assert.equal(mine.headers.get('x-correlation-id'), 'chain-1');
      });
    }

    it('keeps the downstream QuickBooksOnline 404 named as such', async () => {
      const [mine] = await both('/invoices/12345/pdf?companyId=c1');
      assert.deepEqual(mine.body, {
        statusCode: 404,
        service: 'QuickBooksOnline',
        correlationId: 'chain-1',
        error: 'InvoicePdfNotFoundException: Invoice not found for company c1 and invoice ID 12345',
      });
    });

    it('passes a 429 on with its Retry-After', async () => {
      const [mine] = await both('/rate-limited');
      assert.equal(mine.status, 429);
      assert.equal(mine.headers.get('retry-after'), '30');
    });

    it('does not expose a downstream 5xx, even one the downstream service exposed', async () => {
      const [mine, theirs] = await both('/maintenance');
      assert.equal((theirs.body as { error: string }).error, 'Down for maintenance');
      assert.equal(mine.status, 503);
      assert.equal(mine.headers.get('retry-after'), '600');
      assert.equal(
        mine.text,
        JSON.stringify({
          statusCode: 503,
          service: 'PublicApi',
          error: 'Service Unavailable',
          correlationId: 'chain-1',
        }),
      );
      const [crash] = await both('/crash');
      assert.equal(
        crash.text,
        JSON.stringify({
          statusCode: 500,
          service: 'PublicApi',
          error: 'Internal Server Error',
          correlationId: 'chain-1',
        }),
      );
    });

    it('passes a success through', async () => {
      const [mine] = await both('/');
      assert.equal(mine.status, 200);
    });
  });
}

describe('DownstreamError', () => {
  const envelope = {
    statusCode: 409,
    service: 'Xero',
    error: 'SyncInProgressException: Sync not finished',
    correlationId: 'down-1',
  };

  it('is a CodatError made from a plain envelope, keeping the downstream id for the logs', () => {
    const error = new DownstreamError(envelope, { headers: { 'x-trace': 't' } });
    assert.ok(isCodatError(error));
    assert.equal(error.downstreamCorrelationId, 'down-1');
    assert.deepEqual(error.headers, { 'x-trace': 't' });
    assert.deepEqual(toEnvelope(error, { correlationId: 'up-1' }), { ...envelope, correlationId: 'up-1' });
  });

  it('keeps the cause it is given', () => {
    const cause = new Error('upstream');
    const error = new DownstreamError({ statusCode: 404, service: 'S', error: 'x', correlationId: 'c' }, { cause });
    assert.equal(error.cause, cause);
  });

  it('refuses what is not an envelope, saying what it needs', () => {
    assert.throws(() => new DownstreamError(null as never), /DownstreamError needs an error envelope .* got null/);
    assert.throws(() => new DownstreamError({ ...envelope, statusCode: 200 }), /needs an error envelope/);
  });
});
