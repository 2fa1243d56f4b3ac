// checkConformance on answers the CLI's servers of test/check/cli.test.ts do not give.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkConformance } from '../../dist/check/conformance.js';
import { serve } from '../support/serve.ts';

describe('checkConformance', () => {
  it('a JSON body that is an array is no envelope', async () => {
    const { url } = await serve((_req, res) => { res.statusCode = 404; res.setHeader('content-type', 'application/json'); res.end('[]'); });
    const report = await checkConformance({ url: new URL(url), method: 'POST', headers: {}, correlationHeader: 'x-correlation-id' });
    assert.equal(report.ok, false);
    assert.ok(report.results.some((result) => !result.ok && /JSON object/i.test(`${result.check} ${result.detail}`)), JSON.stringify(report.results));
  });
});
