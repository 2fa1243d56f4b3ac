// A project that uses none of the optional features must be able to install the package whatever versions
// of those libraries it has: undici 6 (what Node.js 20 bundles) and an exact zod 3.23.8 (before Standard Schema).
// It installs from npm's cache, else the registry (a few seconds).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

let project = '';
let tarball = '';

before(async () => {
  project = await mkdtemp(join(tmpdir(), 'codat-errors-install-'));
  // `npm test` has built dist; packing without scripts leaves it alone for the tests running beside this one.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], {
    cwd: root,
  });
  tarball = join(project, JSON.parse(stdout)[0].filename);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
});
after(() => rm(project, { recursive: true, force: true }));

it('installs next to undici 6 and zod 3.23.8, and the installed package answers with the envelope', async () => {
  const install = await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, 'undici@6', 'zod@3.23.8'],
    { cwd: project },
  ).then(
    () => ({ ok: true, stderr: '' }),
    (error: { stderr: string }) => ({ ok: false, stderr: error.stderr }),
  );
  assert.ok(install.ok, install.stderr);

  const installed = async (name: string) =>
    JSON.parse(await readFile(join(project, 'node_modules', name, 'package.json'), 'utf8')).version;
  assert.match(await installed('undici'), /^6\./);
  assert.equal(await installed('zod'), '3.23.8');

  await writeFile(
    join(project, 'use.js'),
    "import { toEnvelope, NotFound } from 'codat-errors';\n" +
      "console.log(JSON.stringify(toEnvelope(new NotFound('x'), { correlationId: 'installed-1' })));\n",
  );
  const { stdout } = await run(process.execPath, ['use.js'], { cwd: project });
  assert.equal(stdout, '{"statusCode":404,"service":"PublicApi","error":"x","correlationId":"installed-1"}\n');
});
