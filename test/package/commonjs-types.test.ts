// A CommonJS TypeScript project with the classic settings ("module": "commonjs", "moduleResolution":
// "node10", TypeScript 5) finds every subpath's types through typesVersions, and its output runs.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc5 = join(root, 'node_modules', 'typescript5', 'bin', 'tsc');
let project = '';

before(async () => {
  // Inside the repository's node_modules, so that express, zod and @types/* resolve; the package itself
  // through its own node_modules, as a dependency, not by self-reference (which node10 does not know).
  project = await mkdtemp(join(root, 'node_modules', '.types-commonjs-'));
  await mkdir(join(project, 'node_modules'));
  await symlink(root, join(project, 'node_modules', 'codat-errors'), 'dir');
  await copyFile(new URL('types/commonjs/usage.ts', import.meta.url), join(project, 'usage.ts'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'commonjs-consumer', private: true }));
  const compilerOptions = {
    module: 'commonjs',
    moduleResolution: 'node10',
    target: 'es2022',
    esModuleInterop: true,
    strict: true,
    types: ['node'],
    outDir: 'out',
  };
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['usage.ts'] }));
});
after(() => rm(project, { recursive: true, force: true }));

it('compiles with "module": "commonjs" and "moduleResolution": "node10", and the output runs', async () => {
  const compiled = await run(process.execPath, [tsc5, '-p', project], { encoding: 'utf8' }).then(
    () => '',
    (error: { stdout: string }) => error.stdout,
  );
  assert.equal(compiled, '');
  const { stdout } = await run(process.execPath, [join(project, 'out', 'usage.js')], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(stdout), { statusCode: 400, itemIds: ['body.name'] });
});
