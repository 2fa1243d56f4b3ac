// The client parser reads Codat's fields: typed when present, undefined when absent, and a body whose
// fields have the wrong types is not an envelope.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Koa from 'koa';
import { codatErrors, Conflict } from 'codat-errors';
import { CodatApiError } from 'codat-errors/client';
import { serve } from '../support/serve.ts';

const base = { statusCode: 409, service: 'PublicApi', error: 'SyncException: Sync not finished', correlationId: 'abc' };
const response = (body: object) =>
  new Response(JSON.stringify(body), { status: 409, headers: { 'content-type': 'application/json' } });

describe("CodatApiError and Codat's fields", () => {
  it('reads canBeRetried and detailedErrorCode', async () => {
    const error = await CodatApiError.fromResponse(response({ ...base, canBeRetried: 'No', detailedErrorCode: 40901 }));
    assert.equal(error?.canBeRetried, 'No');
    assert.equal(error?.detailedErrorCode, 40901);
    assert.equal(error?.exception, 'SyncException');
    assert.deepEqual(error?.envelope, { ...base, canBeRetried: 'No', detailedErrorCode: 40901 });
  });

  it('gives undefined for both when the envelope has neither', async () => {
    const error = await CodatApiError.fromResponse(response(base));
    assert.ok(error);
    assert.equal(error.canBeRetried, undefined);
    assert.equal(error.detailedErrorCode, undefined);
  });

  it('gives null for a body whose fields have the wrong types', async () => {
    assert.equal(await CodatApiError.fromResponse(response({ ...base, canBeRetried: true })), null);
    assert.equal(await CodatApiError.fromResponse(response({ ...base, detailedErrorCode: 1.5 })), null);
  });

  it('reads what the middleware sends, over HTTP', async () => {
    const app = new Koa();
    app.silent = true;
    app.use(codatErrors({ codatFields: true }));
    app.use(() => {
      throw new Conflict('Sync not finished', { detailedErrorCode: 7 });
    });
    const { url } = await serve(app.callback());
    const error = await CodatApiError.fromResponse(await fetch(url));
    assert.deepEqual([error?.statusCode, error?.canBeRetried, error?.detailedErrorCode], [409, 'Unknown', 7]);
  });
});
