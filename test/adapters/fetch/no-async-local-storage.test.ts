// A runtime without AsyncLocalStorage (a Worker without nodejs_compat), played on Node: before the
// package loads, `process.getBuiltinModule` is taken away. The fetch entry still loads and answers;
// `asyncContext: true` throws at set-up saying so. The real runtime is in test/runtimes/.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

const builtin = process.getBuiltinModule;
(process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
after(() => {
  process.getBuiltinModule = builtin;
});

const { NotFound, getCorrelationId, runWithCorrelationId, withCodatErrors } = await import('codat-errors/fetch');

describe('fetch: a runtime without AsyncLocalStorage', () => {
  it('answers with the envelope and gives the id through the request', async () => {
    let seen: string | undefined;
    const handler = withCodatErrors((request: Request) => {
      seen = getCorrelationId(request);
      throw new NotFound('nope');
    });
    const response = await handler(new Request('http://worker.test/', { headers: { 'x-correlation-id': 'no-als' } }));
    assert.equal(response.status, 404);
    assert.equal(seen, 'no-als');
    assert.equal(getCorrelationId(), undefined);
  });

  it('asyncContext: true throws at set-up, saying what to drop', () => {
    assert.throws(
      () => withCodatErrors(() => new Response(), { asyncContext: true }),
      new TypeError(
        'codat-errors: option "asyncContext" needs AsyncLocalStorage, which this runtime does not have; drop the option',
      ),
    );
  });

  it('runWithCorrelationId throws, saying why', () => {
    assert.throws(
      () => runWithCorrelationId('job-1', () => 1),
      new TypeError('codat-errors: runWithCorrelationId needs AsyncLocalStorage, which this runtime does not have'),
    );
  });

  it('once the runtime has it, the storage is made on first use and kept', () => {
    process.getBuiltinModule = builtin;
    assert.equal(
      runWithCorrelationId('job-2', () => getCorrelationId()),
      'job-2',
    );
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    assert.doesNotThrow(() => withCodatErrors(() => new Response(), { asyncContext: true }));
  });
});
