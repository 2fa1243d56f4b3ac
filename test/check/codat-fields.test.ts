// The conformance checker and Codat's fields: the longer key order passes, a wrong order or type is flagged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Koa from 'koa';
import { codatErrors, NotFound } from 'codat-errors';
import { checkConformance } from '../../dist/check/conformance.js';
import { serve } from '../support/serve.ts';

const idPattern = /^[A-Za-z0-9_.:-]{1,128}$/;

/** A node:http server that keeps every rule but the body's tail, which `tail(id)` writes after correlationId. */
function server(tail: string) {
  return serve((req, res) => {
    const incoming = req.headers['x-correlation-id'];
    const id = typeof incoming === 'string' && idPattern.test(incoming) ? incoming : 'fresh-id';
    const body = `{"statusCode":409,"service":"PublicApi","error":"Conflict","correlationId":"${id}"${tail}}`;
    res.writeHead(409, {
      'content-type': 'application/json; charset=utf-8',
      'x-correlation-id': id,
      'content-length': Buffer.byteLength(body),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

async function broken(url: string) {
  const report = await checkConformance({
    url: new URL(url),
    method: 'GET',
    headers: {},
    correlationHeader: 'x-correlation-id',
  });
  return report.results
    .filter((result) => !result.ok)
    .map(({ probe, check, detail }) => `${probe}: ${check}: ${detail}`);
}

describe("the checker and Codat's canBeRetried and detailedErrorCode", () => {
  const passing: Array<[string, string]> = [
    ['both, in order', ',"canBeRetried":"Unknown","detailedErrorCode":0'],
    ['both after validation', ',"validation":{"errors":[],"warnings":[]},"canBeRetried":"No","detailedErrorCode":12'],
    ['canBeRetried alone (Codat declares each optional)', ',"canBeRetried":"Unknown"'],
  ];
  for (const [name, tail] of passing) {
    it(`passes ${name}`, async () => {
      assert.deepEqual(await broken((await server(tail)).url), []);
    });
  }

  it('flags them out of order', async () => {
    const found = await broken((await server(',"detailedErrorCode":0,"canBeRetried":"Unknown"')).url);
    assert.ok(
      found.includes(
        'valid id: keys: keys statusCode, service, error, correlationId, detailedErrorCode, canBeRetried; expected statusCode, service, error, correlationId, canBeRetried, detailedErrorCode',
      ),
      found.join('\n'),
    );
  });

  it('flags them before validation', async () => {
    const found = await broken(
      (await server(',"canBeRetried":"Unknown","detailedErrorCode":0,"validation":{"errors":[],"warnings":[]}')).url,
    );
    assert.ok(
      found.some((line) => line.startsWith('valid id: keys: ')),
      found.join('\n'),
    );
  });

  it('flags a boolean canBeRetried and a fractional detailedErrorCode, naming both', async () => {
    const found = await broken((await server(',"canBeRetried":false,"detailedErrorCode":0.5')).url);
    assert.ok(
      found.includes(
        'valid id: schema: canBeRetried must be a string, got false; detailedErrorCode must be a safe integer, got 0.5',
      ),
      found.join('\n'),
    );
    assert.ok(!found.some((line) => line.includes(': keys: ')), 'the order is right');
  });

  it('passes the Koa middleware with codatFields: true', async () => {
    const app = new Koa();
    app.silent = true;
    app.use(codatErrors({ codatFields: true }));
    app.use(() => {
      throw new NotFound();
    });
    assert.deepEqual(await broken((await serve(app.callback())).url), []);
  });
});
