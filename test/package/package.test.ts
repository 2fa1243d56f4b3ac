// Packs the package as npm would publish it, installs the tarball in a fresh project and uses it both ways.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

// Starts a Koa app with the installed package, sends one request and prints what came back with the exports.
const usage = (load: string) => `${load}
const Koa = require('koa');
const app = new Koa();
app.use(codat.codatErrors({ service: 'Packed' }));
app.use(() => { throw new codat.NotFound('x', { exception: 'FooException' }); });
const server = app.listen(0, '127.0.0.1', async () => {
  const response = await fetch('http://127.0.0.1:' + server.address().port + '/', { headers: { 'x-correlation-id': 'packed-1' } });
  console.log(JSON.stringify({ exports: Object.keys(codat).sort(), status: response.status, body: await response.text() }));
  server.close();
});`;

describe('the packed package', () => {
  let project = '';
  let tarball = '';

  before(async () => {
    project = await mkdtemp(join(tmpdir(), 'codat-errors-consumer-'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', project], { cwd: root });
    tarball = join(project, JSON.parse(stdout)[0].filename);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, 'koa@3'], { cwd: project });
  });
  after(() => rm(project, { recursive: true, force: true }));

  it('works from import and from require, with the same exports', async () => {
    await writeFile(
      join(project, 'esm.mjs'),
      usage(
        "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nconst codat = await import('codat-errors');",
      ),
    );
    await writeFile(join(project, 'cjs.cjs'), usage("const codat = require('codat-errors');"));
    const [esm, cjs] = await Promise.all(
      ['esm.mjs', 'cjs.cjs'].map(async (file) =>
        JSON.parse((await run(process.execPath, [file], { cwd: project })).stdout),
      ),
    );
    const expectedBody = '{"statusCode":404,"service":"Packed","error":"FooException: x","correlationId":"packed-1"}';
    assert.equal(esm.status, 404);
    assert.equal(esm.body, expectedBody);
    assert.equal(cjs.body, expectedBody);
    assert.deepEqual(
      cjs.exports.filter((name: string) => name !== 'module.exports' && name !== '__esModule'),
      esm.exports,
    );
    assert.ok(esm.exports.includes('codatErrors'));
  });

  it('passes publint and arethetypeswrong (node10 included; require() of ESM is supported since Node 20.19)', async () => {
    const lint = await run(bin('publint'), ['run', tarball, '--strict'], { cwd: root });
    assert.match(lint.stdout, /All good/);
    const types = await run(
      bin('attw'),
      [tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'table-flipped', '--no-color'],
      { cwd: root },
    );
    assert.match(types.stdout, /No problems found|🟢/);
  });
});
