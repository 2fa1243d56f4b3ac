// The architecture, held: the dependency rule between the folders of src/, no import cycle (type-only
// imports included), no `node:` module where the code must run everywhere, what each entry point
// loads, and each entry point's exact list of names.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every import of a source file: its specifier, resolved to a file of src/ when relative. */
function importsOf(file: string): Array<{ file?: string; specifier: string }> {
  // Comments dropped: the JSDoc examples import packages that the code itself does not.
  const code = readFileSync(join(src, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  return [
    ...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|^import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm),
  ].map((match) => {
    const specifier = (match[1] ?? match[2] ?? match[3])!;
    if (!specifier.startsWith('.')) return { specifier };
    return { specifier, file: relative(src, join(src, dirname(file), specifier)).replace(/\.js$/, '.ts') };
  });
}

const files = (readdirSync(src, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).sort();
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** The folder a file belongs to for the rule (`adapters/koa`, `core`); a file at the top stands for itself (`surface`). */
function folderOf(file: string): string {
  const parts = file.replace(/\.ts$/, '').split('/');
  return parts[0] === 'adapters' ? `adapters/${parts[1]}` : parts[0]!;
}

/** Which folders each folder may import from (its own always). An adapter never imports another adapter. */
const mayImport: Record<string, readonly string[]> = {
  contract: [],
  validation: ['contract'],
  errors: ['contract', 'validation'],
  correlation: ['contract'],
  core: ['contract', 'validation', 'errors', 'correlation'],
  openapi: ['contract', 'errors', 'core'],
  node: ['contract', 'core'],
  web: ['contract', 'core', 'correlation'],
  adapter: ['contract', 'validation', 'errors', 'correlation', 'core', 'node', 'web', 'surface'],
  client: ['contract'],
  check: ['contract'],
  opentelemetry: ['contract', 'errors', 'core'],
  surface: ['contract', 'validation', 'errors', 'correlation', 'core', 'openapi'],
  index: ['adapters/koa'],
};

/** The folders whose code, with all it imports, runs on any runtime: browsers, Workers, Deno, Bun. */
const runtimeNeutral = ['contract', 'errors', 'validation', 'core', 'web', 'adapters/fetch', 'adapters/hono'];

function reachable(from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const target of graph.get(file) ?? []) if (target.file) visit(target.file);
  };
  visit(from);
  return seen;
}

describe('the dependency rule of src/', () => {
  it('every relative import names a file of src/', () => {
    for (const [file, imports] of graph)
      for (const target of imports)
        if (target.file) assert.ok(graph.has(target.file), `${file} imports ${target.specifier}`);
  });

  it('each folder imports only from the folders below it', () => {
    const breaches: string[] = [];
    for (const [file, imports] of graph) {
      const folder = folderOf(file);
      const allowed = mayImport[folder.startsWith('adapters/') ? 'adapter' : folder];
      assert.ok(allowed, `${folder}/ has no line in the rule`);
      for (const target of imports) {
        if (!target.file) continue;
        const to = folderOf(target.file);
        if (to !== folder && !allowed.includes(to)) breaches.push(`${file} → ${target.file}`);
      }
    }
    assert.deepEqual(breaches, []);
  });

  it('has no import cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file)!) if (target.file) visit(target.file, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  it('the runtime-neutral folders load no node: module, directly or through what they import', () => {
    const nodeImports: string[] = [];
    for (const file of files.filter((name) => runtimeNeutral.includes(folderOf(name)))) {
      for (const loaded of reachable(file)) {
        for (const target of graph.get(loaded)!)
          if (target.specifier.startsWith('node:'))
            nodeImports.push(`${file} loads ${loaded}, which imports ${target.specifier}`);
      }
    }
    assert.deepEqual(nodeImports, []);
  });
});

/** Every file of the package that loading `entry` loads, following its relative imports, and the packages they import. */
async function loaded(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const root = new URL('../../dist/', import.meta.url);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = async (url: URL): Promise<void> => {
    const name = fileURLToPath(url).slice(fileURLToPath(root).length);
    if (seen.has(name)) return;
    seen.add(name);
    const code = (await readFile(url, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (specifier!.startsWith('.')) await visit(new URL(specifier!, url));
      else packages.add(specifier!);
    }
  };
  await visit(new URL(fileURLToPath(import.meta.resolve(entry)), 'file:'));
  return { files: [...seen].sort(), packages: [...packages].sort() };
}

describe('what each entry point loads', () => {
  it('the middleware does not load the checker or the client', async () => {
    const { files: loadedFiles } = await loaded('codat-errors');
    assert.ok(
      loadedFiles.includes('adapters/koa/middleware.js') && loadedFiles.includes('openapi/components.js'),
      loadedFiles.join(),
    );
    assert.deepEqual(
      loadedFiles.filter((file) => file.startsWith('check/') || file.startsWith('client/')),
      [],
    );
  });

  it('no entry loads another adapter', async () => {
    const adapters = {
      koa: 'codat-errors/koa',
      express: 'codat-errors/express',
      fastify: 'codat-errors/fastify',
      nestjs: 'codat-errors/nestjs',
      fetch: 'codat-errors/fetch',
      hono: 'codat-errors/hono',
    };
    for (const [own, entry] of Object.entries(adapters)) {
      const others = (await loaded(entry)).files.filter(
        (file) => file.startsWith('adapters/') && !file.startsWith(`adapters/${own}/`),
      );
      assert.deepEqual(others, [], entry);
    }
    assert.ok(!(await loaded('codat-errors')).files.some((file) => file.startsWith('adapters/fastify/')));
    assert.ok(!(await loaded('codat-errors')).files.some((file) => file.startsWith('adapters/nestjs/')));
  });

  it('the Fastify entry does not load Fastify itself: the app brings it', async () => {
    const { files: loadedFiles, packages } = await loaded('codat-errors/fastify');
    assert.ok(loadedFiles.includes('adapters/fastify/plugin.js'), loadedFiles.join());
    assert.deepEqual(
      packages.filter((name) => !name.startsWith('node:')),
      ['nanoid'],
    );
  });

  it('the NestJS entry loads Nest, which the app brings, and neither platform', async () => {
    const { files: loadedFiles, packages } = await loaded('codat-errors/nestjs');
    assert.ok(loadedFiles.includes('adapters/nestjs/module.js'), loadedFiles.join());
    assert.deepEqual(
      packages.filter((name) => !name.startsWith('node:')),
      ['@nestjs/common', '@nestjs/core', 'nanoid'],
    );
  });

  it('the root loads no optional peer: OpenTelemetry only through its subpath', async () => {
    const root = await loaded('codat-errors');
    assert.deepEqual(
      root.packages.filter((name) => !name.startsWith('node:')),
      ['nanoid'],
    );
    assert.ok(!root.files.some((file) => file.startsWith('opentelemetry/')));
    assert.ok((await loaded('codat-errors/opentelemetry')).packages.includes('@opentelemetry/api'));
  });

  it("the fetch and Hono entries load no node: module and no package but nanoid: Hono is the app's", async () => {
    for (const entry of ['codat-errors/fetch', 'codat-errors/hono']) {
      assert.deepEqual((await loaded(entry)).packages, ['nanoid'], entry);
    }
  });

  it('the client loads only itself and the contract', async () => {
    const { files: loadedFiles, packages } = await loaded('codat-errors/client');
    assert.deepEqual(
      loadedFiles.filter((file) => !file.startsWith('contract/')),
      ['client/index.js'],
    );
    assert.deepEqual(packages, []);
  });

  it('the bin loads the checker', async () => {
    const { files: loadedFiles } = await loaded('../../dist/check/cli.js');
    assert.ok(
      loadedFiles.includes('check/conformance.js') && loadedFiles.includes('check/transport.js'),
      loadedFiles.join(),
    );
  });
});
