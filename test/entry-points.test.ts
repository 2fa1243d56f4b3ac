import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/** Every file of the package that loading `entry` loads, following its relative imports, and the packages they import. */
async function loaded(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const root = new URL('../dist/', import.meta.url);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = async (url: URL): Promise<void> => {
    const name = fileURLToPath(url).slice(fileURLToPath(root).length);
    if (seen.has(name)) return;
    seen.add(name);
    // Comments dropped: the JSDoc examples import packages that the code itself does not.
    const code = (await readFile(url, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (specifier!.startsWith('.')) await visit(new URL(specifier!, url));
      else packages.add(specifier!);
    }
  };
  await visit(new URL(fileURLToPath(import.meta.resolve(entry)), 'file:'));
  return { files: [...seen].sort(), packages: [...packages].sort() };
}

async function loadedFiles(entry: string): Promise<string[]> {
  return (await loaded(entry)).files;
}

describe('what each entry point loads', () => {
  it('the middleware does not load the checker', async () => {
    const files = await loadedFiles('codat-errors');
    assert.ok(files.includes('koa.js') && files.includes('openapi.js'), files.join());
    assert.deepEqual(files.filter((file) => file.startsWith('check/') || file === 'cli.js' || file === 'client.js'), []);
  });

  it('the root loads no optional peer: OpenTelemetry only through its subpath', async () => {
    const root = await loaded('codat-errors');
    assert.deepEqual(root.packages.filter((name) => !name.startsWith('node:')), ['nanoid']);
    assert.ok(!root.files.includes('opentelemetry.js'));
    assert.ok((await loaded('codat-errors/opentelemetry')).packages.includes('@opentelemetry/api'));
  });

  it('the client loads only itself and the envelope shape', async () => {
    assert.deepEqual(await loadedFiles('codat-errors/client'), ['client.js', 'envelope-shape.js']);
  });

  it('the bin loads the checker', async () => {
    const files = await loadedFiles('../dist/cli.js');
    assert.ok(files.includes('check/conformance.js') && files.includes('check/transport.js'), files.join());
  });
});
