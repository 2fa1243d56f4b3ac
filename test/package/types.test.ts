import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';

const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

it('types the set-ups of the README, the correlation id on Koa and Express, and what validate() parsed', async () => {
  const result = await promisify(execFile)(process.execPath, [tsc, '-p', 'test/package/types'], {
    encoding: 'utf8',
  }).then(
    () => '',
    (error: { stdout: string }) => error.stdout,
  );
  assert.equal(result, '');
});
