import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { CodatApiError, parseRetryAfter } from 'codat-errors/client';
import { withExample } from '../support/frameworks.ts';
import { serve } from '../support/serve.ts';

const docs = 'Learn more at https://docs.codat.io/using-the-api/errors';

/** The fields a client reads, as plain data, so that two copies of the class can be compared. */
function fields(error: CodatApiError | null) {
  if (!error) return null;
  const { name, statusCode, service, exception, message, correlationId, validation, retryAfter } = error;
  return {
    name,
    statusCode,
    service,
    error: error.error,
    exception,
    message,
    correlationId,
    validation,
    retryAfter,
    isError: error instanceof Error,
  };
}

for (const framework of withExample) {
  describe(`${framework.name} example: CodatApiError.fromResponse with real fetch`, async () => {
    const { url, routes } = await framework.example();
    const read = async (path: string, init?: RequestInit) => {
      const response = await fetch(`${url}${path}`, init);
      return { header: response.headers.get('x-correlation-id'), error: await CodatApiError.fromResponse(response) };
    };

    it('splits the exception from the message, and keeps validation and the id', async () => {
      const { header, error } = await read('/companies', { method: 'POST' });
      assert.deepEqual(fields(error), {
        name: 'CodatApiError',
        statusCode: 402,
        service: 'PublicApi',
        error: 'CompanyValidationException: Company limit exceeded',
        exception: 'CompanyValidationException',
        message: 'Company limit exceeded',
        correlationId: header,
        validation: {
          errors: [{ itemId: 'Company', message: `Company limit exceeded. ${docs}`, validatorName: 'CreateCompany' }],
          warnings: [],
        },
        retryAfter: undefined,
        isError: true,
      });
    });

    it('keeps a downstream service; an error without exception is all message', async () => {
      const invoice = (await read('/invoices/12345/pdf?companyId=c1')).error;
      assert.equal(invoice?.service, 'QuickBooksOnline');
      assert.equal(invoice?.exception, 'InvoicePdfNotFoundException');
      assert.equal(invoice?.message, 'Invoice not found for company c1 and invoice ID 12345');
      const expired = (await read('/account')).error;
      assert.equal(expired?.exception, undefined);
      assert.equal(expired?.message, 'Payment Required');
    });

    it('reads Retry-After into retryAfter', async () => {
      assert.equal((await read('/rate-limited')).error?.retryAfter, 30);
      assert.equal((await read('/maintenance')).error?.retryAfter, 600);
    });

    it('gives an error for every error route, with the response status and the header id', async () => {
      for (const [method, path, status] of routes.filter(([, , status]) => status >= 400)) {
        const { header, error } = await read(path, { method });
        assert.equal(error?.statusCode, status, path);
        assert.equal(error?.correlationId, header, path);
      }
    });

    it('gives null for a success and for a HEAD without body', async () => {
      assert.equal((await read('/')).error, null);
      assert.equal((await read('/account', { method: 'HEAD' })).error, null);
    });
  });
}

describe('CodatApiError.fromResponse on responses that are not the envelope', async () => {
  const replies: Record<string, (res: ServerResponse) => void> = {
    '/html': (res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
    },
    '/truncated': (res) => {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"statusCode":500,"serv');
    },
    '/other-json': (res) => {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"bad","code":1}');
    },
    '/null': (res) => {
      res.writeHead(400).end('null');
    },
    '/empty': (res) => {
      res.writeHead(404).end();
    },
    '/extra-key': (res) => {
      res.writeHead(500).end('{"statusCode":500,"service":"A","error":"x","correlationId":"c","stack":"at y"}');
    },
    '/id-in-header-only': (res) => {
      res
        .writeHead(409, { 'x-correlation-id': 'from-header', 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' })
        .end('{"statusCode":409,"service":"Legacy","error":"Conflict"}');
    },
    '/cut': (res) => {
      res.writeHead(500, { 'content-length': '100' }).write('{"statusCode"', () => res.destroy());
    },
  };
  const { url } = await serve((req, res) => replies[req.url ?? '']!(res));

  for (const path of ['/html', '/truncated', '/other-json', '/null', '/empty', '/extra-key', '/cut']) {
    it(`${path} gives null, no throw`, async () => {
      assert.equal(await CodatApiError.fromResponse(await fetch(`${url}${path}`)), null);
    });
  }

  it('takes the correlation id from the header when the body has none, and counts an HTTP-date Retry-After', async () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:26:30 GMT');
    const error = await CodatApiError.fromResponse(await fetch(`${url}/id-in-header-only`), { now });
    assert.equal(error?.correlationId, 'from-header');
    assert.equal(error?.service, 'Legacy');
    assert.equal(error?.retryAfter, 90);
  });
});

describe('parseRetryAfter', () => {
  it('reads both forms of Retry-After', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:29:00 GMT', now), 60);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now + 500), 0);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now), 0, 'a past date means now');
    for (const value of [null, '', 'soon', '-5', '1.5', '2015-10-21'])
      assert.equal(parseRetryAfter(value, now), undefined, String(value));
  });
});

describe('codat-errors/client in a browser bundle', () => {
  const bundle = (entry: string) =>
    build({
      entryPoints: [fileURLToPath(import.meta.resolve(entry))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });

  it('bundles for the browser from the client and the contract alone', async () => {
    const result = await bundle('codat-errors/client');
    assert.deepEqual(Object.keys(result.metafile.inputs).sort(), [
      'dist/client/index.js',
      'dist/contract/correlation-id.js',
      'dist/contract/describe.js',
      'dist/contract/envelope.js',
      'dist/contract/shape.js',
      'dist/contract/status.js',
    ]);
  });

  it('while the server entry does not (its Node imports fail the browser build)', async () => {
    await assert.rejects(bundle('codat-errors'), /node:/);
  });

  for (const framework of withExample) {
    it(`${framework.name} example: the bundled parser reads the same fields as the Node one`, async () => {
      const code = (await bundle('codat-errors/client')).outputFiles[0]!.text;
      const browser: { CodatApiError: typeof CodatApiError } = await import(
        `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
      );
      const { url, routes } = await framework.example();
      for (const [method, path, status] of routes) {
        const headers = { 'x-correlation-id': `browser-${status}` };
        const inNode = await CodatApiError.fromResponse(await fetch(`${url}${path}`, { method, headers }));
        const inBundle = await browser.CodatApiError.fromResponse(await fetch(`${url}${path}`, { method, headers }));
        assert.deepEqual(fields(inBundle), fields(inNode), path);
        assert.equal(inNode === null, status < 400, path);
      }
    });
  }
});
