import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codatErrors, Conflict, type ErrorReport } from 'codat-errors';
import { anyFramework } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

const conflict = new Conflict('Data set not requested');
const reports: ErrorReport[] = [];

const serveConflict = (onError: (report: ErrorReport) => unknown) =>
  anyFramework.serve(
    {
      'GET /conflict': () => {
        throw conflict;
      },
    },
    { options: { onError } },
  );

describe('onError', async () => {
  const { url } = await serveConflict((report) => {
    reports.push(report);
  });

  it('receives each mapped error with its id, status, method and path', async () => {
    await request(`${url}/conflict`, { headers: { 'x-correlation-id': 'hook-1' } });
    await request(`${url}/nowhere`, { method: 'DELETE', headers: { 'x-correlation-id': 'hook-2' } });
    assert.deepEqual(reports, [
      { err: conflict, correlationId: 'hook-1', statusCode: 409, method: 'GET', path: '/conflict' },
      { correlationId: 'hook-2', statusCode: 404, method: 'DELETE', path: '/nowhere' },
    ]);
    assert.equal('err' in reports[1]!, false);
  });

  for (const [name, hook] of [
    [
      'throws',
      () => {
        throw new Error('hook down');
      },
    ],
    ['rejects', () => Promise.reject(new Error('hook down'))],
  ] as const) {
    it(`changes nothing in the response when it ${name}`, async () => {
      const failing = await serveConflict(hook);
      const reply = await request(`${failing.url}/conflict`, { headers: { 'x-correlation-id': 'hook-3' } });
      assert.equal(reply.status, 409);
      assert.equal(
        reply.text,
        JSON.stringify({
          statusCode: 409,
          service: 'PublicApi',
          error: 'Data set not requested',
          correlationId: 'hook-3',
        }),
      );
    });
  }

  it('is checked at start-up', () => {
    assert.throws(() => codatErrors({ onError: 'recordErrorOnSpan' as never }), {
      name: 'TypeError',
      message:
        'codat-errors: option "onError" must be a function that receives each mapped error, such as recordErrorOnSpan, got "recordErrorOnSpan"',
    });
  });
});
