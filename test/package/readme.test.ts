// The README's catalog table must match the real exports, as http-errors checks its own.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';
import * as codat from 'codat-errors';

/** The arguments each class needs before its message, to make one with its default message. */
const leadingArguments: Record<string, unknown[]> = { MethodNotAllowed: [['GET']], TooManyRequests: [30] };

it('lists every error class of the package with its real status and default message', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('## The error catalog');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const rows = [...section.matchAll(/^\| `(\w+)` \| (\d{3})?[^|]*\| ([^|]+) \|/gm)].map(
    ([, name, status, message]) => ({ name, status, message: message!.trim() }),
  );
  const classes = Object.entries(codat).filter(
    ([, value]) =>
      typeof value === 'function' && (value === codat.CodatError || value.prototype instanceof codat.CodatError),
  );
  assert.deepEqual(rows.map((row) => row.name).sort(), classes.map(([name]) => name).sort());
  for (const row of rows) {
    const errorClass = codat[row.name as keyof typeof codat] as unknown as {
      status: number;
      new (...args: unknown[]): Error;
    };
    if (row.status === undefined) continue; // CodatError: the status is an option
    assert.equal(Number(row.status), errorClass.status, row.name);
    if (row.name === 'DatatypeNotSupported') continue; // its message is made of its arguments
    assert.equal(row.message, new errorClass(...(leadingArguments[row.name!] ?? [])).message, row.name);
  }
});
