import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';

const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

it('types every documented way of building a catalog error, and refuses wrong ones', async () => {
  const output = await promisify(execFile)(process.execPath, [tsc, '-p', 'test/package/types/catalog'], {
    encoding: 'utf8',
  }).then(
    () => '',
    (error: { stdout: string }) => error.stdout,
  );
  assert.equal(output, '');
});
