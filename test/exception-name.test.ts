// What names an error in the envelope's `error`: its class, or the class's own static `exception`,
// which survives a bundler that minifies class names.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { NotFound, toEnvelope } from 'codat-errors';

describe('the exception name of a subclass', () => {
  it('is its own static exception, over its class name', () => {
    class InvoiceNotFound extends NotFound {
      static override exception = 'InvoiceNotFoundException';
    }
    class Plain extends InvoiceNotFound {}
    assert.equal(new InvoiceNotFound('Invoice 1 not found').exception, 'InvoiceNotFoundException');
    assert.equal(toEnvelope(new InvoiceNotFound('Invoice 1 not found'), { correlationId: 'c' }).error, 'InvoiceNotFoundException: Invoice 1 not found');
    assert.equal(new Plain('x').exception, 'Plain', 'a static exception is not inherited');
    assert.equal(new InvoiceNotFound('x', { exception: 'Other' }).exception, 'Other', 'the option wins over both');
  });

  it('survives esbuild --minify, where the class name does not', async () => {
    const dir = await mkdtemp(fileURLToPath(new URL('../node_modules/.minified-', import.meta.url)));
    after(() => rm(dir, { recursive: true, force: true }));
    const entry = join(dir, 'server.js');
    await writeFile(entry, `import { NotFound, toEnvelope } from 'codat-errors';
      class InvoiceNotFound extends NotFound { static exception = 'InvoiceNotFound'; }
      class CustomerNotFound extends NotFound {}
      export const named = toEnvelope(new InvoiceNotFound('Invoice 1 not found'), { correlationId: 'c' }).error;
      export const minified = toEnvelope(new CustomerNotFound('Customer 1 not found'), { correlationId: 'c' }).error;`);
    const outfile = join(dir, 'bundle.mjs');
    await build({ entryPoints: [entry], bundle: true, minify: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
    const bundle = (await import(pathToFileURL(outfile).href)) as { named: string; minified: string };
    assert.equal(bundle.named, 'InvoiceNotFound: Invoice 1 not found');
    assert.notEqual(bundle.minified, 'CustomerNotFound: Customer 1 not found', 'minifying renames a class without one');
  });
});
