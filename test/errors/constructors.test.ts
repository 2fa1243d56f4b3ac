// Point 1 of issue 16: a catalog class answers its own status whatever its constructor is given.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Router from '@koa/router';
import Koa from 'koa';
import {
  BadRequest,
  CodatError,
  codatErrors,
  Conflict,
  DatatypeNotSupported,
  Forbidden,
  InternalServerError,
  LimitExceeded,
  MethodNotAllowed,
  NotFound,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
} from 'codat-errors';
import { request, serve } from '../support/serve.ts';
import { frameworks } from '../support/frameworks.ts';

interface Expected {
  status: number;
  error: string;
  headers?: Record<string, string | null>;
  validation?: unknown;
}

/** Each way of building an error, and what the client gets. Built in the handler, as an app would. */
const cases: Array<[name: string, build: () => unknown, expected: Expected]> = [
  [
    'new TooManyRequests()',
    () => new TooManyRequests(),
    { status: 429, error: 'Too Many Requests', headers: { 'retry-after': null } },
  ],
  [
    "new TooManyRequests('Slow down')",
    () => new TooManyRequests('Slow down'),
    { status: 429, error: 'Slow down', headers: { 'retry-after': null } },
  ],
  [
    'new TooManyRequests(1.5)',
    () => new TooManyRequests(1.5),
    { status: 429, error: 'Too Many Requests', headers: { 'retry-after': '2' } },
  ],
  [
    "new TooManyRequests('Slow down', { retryAfter: 30 })",
    () => new TooManyRequests('Slow down', { retryAfter: 30 }),
    { status: 429, error: 'Slow down', headers: { 'retry-after': '30' } },
  ],
  [
    "new TooManyRequests(30, 'Slow down')",
    () => new TooManyRequests(30, 'Slow down'),
    { status: 429, error: 'Slow down', headers: { 'retry-after': '30' } },
  ],
  [
    'new TooManyRequests(-1)',
    () => new TooManyRequests(-1),
    { status: 429, error: 'Too Many Requests', headers: { 'retry-after': null } },
  ],
  [
    'new TooManyRequests(NaN)',
    () => new TooManyRequests(Number.NaN),
    { status: 429, error: 'Too Many Requests', headers: { 'retry-after': null } },
  ],
  [
    "retryAfter: '30' from JavaScript",
    () => new TooManyRequests('Slow down', { retryAfter: '30' as never }),
    { status: 429, error: 'Slow down', headers: { 'retry-after': null } },
  ],
  [
    'new ServiceUnavailable(600)',
    () => new ServiceUnavailable(600),
    { status: 503, error: 'Service Unavailable', headers: { 'retry-after': '600' } },
  ],
  [
    "new ServiceUnavailable('Down', { retryAfter: 0.2 })",
    () => new ServiceUnavailable('Down', { retryAfter: 0.2 }),
    { status: 503, error: 'Service Unavailable', headers: { 'retry-after': '1' } },
  ],
  [
    "new ServiceUnavailable('Down', { retryAfter: -5 })",
    () => new ServiceUnavailable('Down', { retryAfter: -5 }),
    { status: 503, error: 'Service Unavailable', headers: { 'retry-after': null } },
  ],
  ['new MethodNotAllowed()', () => new MethodNotAllowed(), { status: 405, error: 'Method Not Allowed' }],
  [
    "new MethodNotAllowed('GET')",
    () => new MethodNotAllowed('GET'),
    { status: 405, error: 'Method Not Allowed', headers: { allow: 'GET' } },
  ],
  [
    "new MethodNotAllowed('GET, HEAD', 'Read-only')",
    () => new MethodNotAllowed('GET, HEAD', 'Read-only'),
    { status: 405, error: 'Read-only', headers: { allow: 'GET, HEAD' } },
  ],
  [
    "new MethodNotAllowed('Read-only', { allow: ['GET', 'HEAD'] })",
    () => new MethodNotAllowed('Read-only', { allow: ['GET', 'HEAD'] }),
    { status: 405, error: 'Read-only', headers: { allow: 'GET, HEAD' } },
  ],
  [
    "new MethodNotAllowed(['GET'], 'Read-only')",
    () => new MethodNotAllowed(['GET'], 'Read-only'),
    { status: 405, error: 'Read-only', headers: { allow: 'GET' } },
  ],
  ['new DatatypeNotSupported()', () => new DatatypeNotSupported(), { status: 404, error: 'Datatype not supported' }],
  [
    "new DatatypeNotSupported('Bills are not synced')",
    () => new DatatypeNotSupported('Bills are not synced'),
    { status: 404, error: 'Bills are not synced' },
  ],
  [
    "new DatatypeNotSupported('invoices', 'Xero')",
    () => new DatatypeNotSupported('invoices', 'Xero'),
    { status: 404, error: 'Datatype invoices not supported by platform(s) Xero' },
  ],
  [
    "new DatatypeNotSupported('invoices', ['Xero', 'Sage'])",
    () => new DatatypeNotSupported('invoices', ['Xero', 'Sage']),
    { status: 404, error: 'Datatype invoices not supported by platform(s) Xero, Sage' },
  ],
  ["new NotFound('x', 5) from JavaScript", () => new NotFound('x', 5 as never), { status: 404, error: 'x' }],
  ["new NotFound('x', null) from JavaScript", () => new NotFound('x', null as never), { status: 404, error: 'x' }],
  [
    "new NotFound('x', { status: 'gone' }) from JavaScript",
    () => new NotFound('x', { status: 'gone' } as never),
    { status: 404, error: 'x' },
  ],
  [
    'new NotFound(Symbol()) from JavaScript',
    () => new NotFound(Symbol('x') as never),
    { status: 404, error: 'Not Found' },
  ],
  [
    "new BadRequest('x', { validation: { errors: 5 } }) from JavaScript",
    () => new BadRequest('x', { validation: { errors: 5 as never } }),
    { status: 400, error: 'x', validation: { errors: [], warnings: [] } },
  ],
];

/** Every class of the catalog that takes `(message?, options?)` first, with its status. */
const catalog: ReadonlyArray<(new (message?: string) => CodatError) & { status: number }> = [
  BadRequest,
  Unauthorized,
  LimitExceeded,
  Forbidden,
  NotFound,
  DatatypeNotSupported,
  MethodNotAllowed,
  Conflict,
  TooManyRequests,
  InternalServerError,
  ServiceUnavailable,
];

for (const framework of frameworks) {
  describe(`${framework.name}: catalog errors answer their own status however they are built`, async () => {
    const builds = [
      ...cases.map(([, build]) => build),
      ...catalog.flatMap((ErrorClass) => [() => new ErrorClass(), () => new ErrorClass('Said so')]),
    ];
    const { url } = await framework.serve({
      '/case/:index': ({ params }) => {
        throw builds[Number(params.index)]!();
      },
    });

    cases.forEach(([name, , expected], index) => {
      it(name, async () => {
        const reply = await request(`${url}/case/${index}`);
        assert.equal(reply.status, expected.status);
        assert.deepEqual(reply.body, {
          statusCode: expected.status,
          service: 'PublicApi',
          error: expected.error,
          correlationId: reply.headers.get('x-correlation-id'),
          ...(expected.validation !== undefined && { validation: expected.validation }),
        });
        for (const [name, value] of Object.entries(expected.headers ?? {}))
          assert.equal(reply.headers.get(name), value, name);
      });
    });

    it('new X() and new X(message) for every class of the catalog', async () => {
      for (const [offset, ErrorClass] of catalog.entries()) {
        const [bare, said] = await Promise.all(
          [0, 1].map((n) => request(`${url}/case/${cases.length + 2 * offset + n}`)),
        );
        assert.equal(bare!.status, ErrorClass.status, ErrorClass.name);
        assert.equal(said!.status, ErrorClass.status, ErrorClass.name);
        if (ErrorClass.status < 500) assert.equal((said!.body as { error: string }).error, 'Said so', ErrorClass.name);
      }
    });
  });
}

describe('the errors keep what they were given', () => {
  it('retryAfter is the whole seconds sent, or undefined when none is', () => {
    assert.equal(new TooManyRequests(1.5).retryAfter, 2);
    assert.equal(new TooManyRequests('Slow down', { retryAfter: 30 }).retryAfter, 30);
    assert.equal(new TooManyRequests().retryAfter, undefined);
    assert.equal(new TooManyRequests(Number.POSITIVE_INFINITY).retryAfter, undefined);
    assert.equal(new ServiceUnavailable(599.5).retryAfter, 600);
    assert.equal(new ServiceUnavailable('Down').retryAfter, undefined);
  });

  it('a message that is not upper-case method names is the message', () => {
    assert.deepEqual(new MethodNotAllowed('Use GET').headers, {});
    assert.equal(new MethodNotAllowed('Use GET').message, 'Use GET');
    assert.deepEqual(new MethodNotAllowed('Read-only', { allow: 'GET' }).headers, { allow: 'GET' });
  });

  it('a message that is a number or boolean is its text; a datatype or platforms left out are left out', () => {
    assert.equal(new NotFound(42 as never).message, '42');
    assert.equal(new NotFound(false as never).message, 'false');
    assert.equal(new DatatypeNotSupported('invoices', []).message, 'Datatype invoices not supported');
    assert.equal(
      new DatatypeNotSupported(undefined as never, ['Xero', 7 as never]).message,
      'Datatype not supported by platform(s) Xero',
    );
  });

  it('a class that declares a status outside 400–599 is refused when built', () => {
    class Redirect extends CodatError {
      static override status = 302;
    }
    assert.throws(() => new Redirect('x'), /status must be an integer from 400 to 599, got 302/);
  });

  it('a subclass given a status that is no error status keeps its own; CodatError itself refuses it', () => {
    assert.equal(new InternalServerError('x', { status: 302 } as never).status, 500);
    assert.throws(() => new CodatError('x', { status: 302 }), /status must be an integer from 400 to 599, got 302/);
  });
});

describe('Koa: a 405 without methods', () => {
  it('takes Allow from the routes @koa/router matched, as before', async () => {
    const app = new Koa();
    app.silent = true;
    app.use(codatErrors());
    const router = new Router();
    router.get('/invoices', (ctx) => {
      ctx.body = [];
    });
    router.delete('/invoices', () => {
      throw new MethodNotAllowed('Invoices are never deleted');
    });
    app.use(router.routes());
    const { url } = await serve(app.callback());
    const reply = await request(`${url}/invoices`, { method: 'DELETE' });
    assert.equal(reply.status, 405);
    assert.equal((reply.body as { error: string }).error, 'Invoices are never deleted');
    assert.match(reply.headers.get('allow') ?? '', /\bGET\b/);
  });
});
