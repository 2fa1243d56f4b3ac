// codat-errors/express as a module: one copy from import and require, the same exports and checks as the root.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { codatErrors as koaErrors, type CodatErrorsOptions } from 'codat-errors';
import * as adapter from 'codat-errors/express';
import { codatErrors } from 'codat-errors/express';

const run = promisify(execFile);

describe('codat-errors/express as a module', () => {
  it('is the same module from require() as from import', async () => {
    // A plain node, without the test's TypeScript loader, which would load a second copy for require().
    const script = `const cjs = require('codat-errors/express');
      import('codat-errors/express').then((esm) => console.log(JSON.stringify({
        keys: Object.keys(cjs).sort().join() === Object.keys(esm).sort().join(),
        same: cjs.codatErrors === esm.codatErrors && cjs.NotFound === require('codat-errors').NotFound,
        count: Object.keys(cjs).length })));`;
    const { stdout } = await run(process.execPath, ['--input-type=commonjs', '-e', script]);
    assert.deepEqual(JSON.parse(stdout), { keys: true, same: true, count: Object.keys(adapter).length });
  });

  it('re-exports the catalog, toEnvelope and isErrorEnvelope', () => {
    const envelope = adapter.toEnvelope(new adapter.LimitExceeded(), { correlationId: 'abc' });
    assert.deepEqual(envelope, {
      statusCode: 402,
      service: 'PublicApi',
      error: 'Payment Required',
      correlationId: 'abc',
    });
    assert.equal(adapter.isErrorEnvelope(envelope), true);
  });

  it('refuses an invalid option at start-up with the message of the Koa middleware', () => {
    for (const options of [
      { service: '' },
      { logger: console.log },
      { retries: 3 },
    ] as unknown as CodatErrorsOptions[]) {
      const koaMessage = (() => {
        try {
          koaErrors(options);
        } catch (error) {
          return (error as Error).message;
        }
      })();
      assert.ok(koaMessage);
      assert.throws(() => codatErrors(options), { name: 'TypeError', message: koaMessage });
    }
  });

  it('gives the error handler the four parameters Express looks for', () => {
    const errors = codatErrors();
    assert.equal(errors.handler.length, 4);
    assert.equal(errors.correlation.length, 3);
  });
});
