// What names an error in the envelope's `error`: its class, or the class's own static `exception`,
// which survives a bundler that minifies class names.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as codat from 'codat-errors';

const { NotFound, toEnvelope } = codat;

describe('the exception name', () => {
  it('is none for every class of the catalog: their errors are named for their status', () => {
    const envelope = { statusCode: 409, service: 'Billing', error: 'Conflict', correlationId: 'c' };
    const errors = [
      new codat.CodatError('x', { status: 423 }),
      new codat.BadRequest(),
      new codat.Unauthorized(),
      new codat.LimitExceeded(),
      new codat.Forbidden(),
      new codat.NotFound(),
      new codat.DatatypeNotSupported('invoices', ['Xero']),
      new codat.MethodNotAllowed(['GET']),
      new codat.Conflict(),
      new codat.UnprocessableContent(),
      new codat.TooManyRequests(1),
      new codat.UnavailableForLegalReasons(),
      new codat.InternalServerError(),
      new codat.DownstreamError(envelope),
      new codat.ServiceUnavailable(),
    ];
    const classes = Object.values(codat).filter(
      (value) =>
        value === codat.CodatError || (typeof value === 'function' && value.prototype instanceof codat.CodatError),
    );
    assert.deepEqual(
      errors.map((error) => error.constructor).sort(),
      classes.sort(),
      'every class of the catalog is here',
    );
    for (const error of errors) {
      assert.equal(error.exception, undefined, error.name);
      assert.ok(!toEnvelope(error, { correlationId: 'c' }).error.includes(': '), error.name);
    }
  });

  it("is a subclass's own static exception, over its class name", () => {
    class InvoiceNotFound extends NotFound {
      static override exception = 'InvoiceNotFoundException';
    }
    class Plain extends InvoiceNotFound {}
    assert.equal(new InvoiceNotFound('Invoice 1 not found').exception, 'InvoiceNotFoundException');
    assert.equal(
      toEnvelope(new InvoiceNotFound('Invoice 1 not found'), { correlationId: 'c' }).error,
      'InvoiceNotFoundException: Invoice 1 not found',
    );
    assert.equal(new Plain('x').exception, 'Plain', 'a static exception is not inherited');
    assert.equal(new InvoiceNotFound('x', { exception: 'Other' }).exception, 'Other', 'the option wins over both');
  });

  it('survives esbuild --minify when it is a static exception, where the class name does not', async () => {
    const dir = await mkdtemp(fileURLToPath(new URL('../../node_modules/.minified-', import.meta.url)));
    after(() => rm(dir, { recursive: true, force: true }));
    const entry = join(dir, 'server.js');
    await writeFile(
      entry,
      `import { NotFound, toEnvelope } from 'codat-errors';
      class InvoiceNotFound extends NotFound { static exception = 'InvoiceNotFound'; }
      class CustomerNotFound extends NotFound {}
      export const named = toEnvelope(new InvoiceNotFound('Invoice 1 not found'), { correlationId: 'c' }).error;
      export const minified = toEnvelope(new CustomerNotFound('Customer 1 not found'), { correlationId: 'c' }).error;`,
    );
    const outfile = join(dir, 'bundle.mjs');
    await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'silent',
    });
    const bundle = (await import(pathToFileURL(outfile).href)) as { named: string; minified: string };
    assert.equal(bundle.named, 'InvoiceNotFound: Invoice 1 not found');
    assert.notEqual(bundle.minified, 'CustomerNotFound: Customer 1 not found', 'minifying renames a class without one');
  });
});
