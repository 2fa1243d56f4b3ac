// Codat's whole error model over HTTP, on Koa 3, Koa 2, Express 5 and Express 4: canBeRetried and
// detailedErrorCode, 422 and 451, and the correlation id taken from a list of headers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Router from '@koa/router';
import express5 from 'express';
// @ts-expect-error: Express 4 is installed under an alias; its types are those of Express 5 here.
import express4Untyped from 'express4';
import Koa3 from 'koa';
// @ts-expect-error: Koa 2 is installed under an alias and has no types of its own here.
import Koa2 from 'koa2';
import {
  codatErrors as koaErrors,
  Conflict,
  correlatedFetch,
  DownstreamError,
  InternalServerError,
  LimitExceeded,
  NotFound,
  UnavailableForLegalReasons,
  UnprocessableContent,
  type CodatErrorsOptions,
} from 'codat-errors';
import { CodatApiError } from 'codat-errors/client';
import { codatErrors as expressErrors } from 'codat-errors/express';
import { request, serve } from '../support/serve.ts';

/** A route's handler: returns the JSON body of a success, or throws. */
type Handler = () => unknown;
type Routes = Record<string, Handler>;

/** The four frameworks, each serving `routes` (any method) behind the adapter with `options`. */
const frameworks: Array<{ name: string; serve(routes: Routes, options?: CodatErrorsOptions): Promise<string> }> = [
  ...(
    [
      ['Koa 3', Koa3],
      ['Koa 2', Koa2 as typeof Koa3],
    ] as const
  ).map(([name, Koa]) => ({
    name,
    async serve(routes: Routes, options?: CodatErrorsOptions) {
      const app = new Koa();
      app.silent = true;
      app.use(koaErrors(options));
      const router = new Router();
      for (const [path, handler] of Object.entries(routes))
        router.all(path, async (ctx) => {
          ctx.body = await handler();
        });
      app.use(router.routes());
      return (await serve(app.callback())).url;
    },
  })),
  ...(
    [
      ['Express 5', express5],
      ['Express 4', express4Untyped as typeof express5],
    ] as const
  ).map(([name, express]) => ({
    name,
    async serve(routes: Routes, options?: CodatErrorsOptions) {
      const errors = expressErrors(options);
      const app = express();
      app.set('env', 'test');
      app.use(errors.correlation);
      for (const [path, handler] of Object.entries(routes)) {
        // Express 4 does not catch a rejected promise: the error goes to next() by hand.
        app.all(path, (_req, res, next) => {
          Promise.resolve()
            .then(handler)
            .then((body) => res.json(body), next);
        });
      }
      app.use(errors.notFound);
      app.use(errors.handler);
      return (await serve(app)).url;
    },
  })),
];

const docsUrl = 'https://docs.codat.io/using-the-api/errors';
const fail =
  (make: () => unknown): Handler =>
  () => {
    throw make();
  };
const throwing: Routes = {
  '/not-found': fail(() => new NotFound()),
  '/company-limit': fail(() => LimitExceeded.companyLimit({ docsUrl })),
  '/conflict-retry': fail(() => new Conflict('Sync not finished', { canBeRetried: 'Yes' })),
  '/conflict-code': fail(() => new Conflict('Sync not finished', { detailedErrorCode: 40901 })),
  '/conflict-both': fail(() => new Conflict('Sync not finished', { canBeRetried: 'No', detailedErrorCode: 40901 })),
  '/crash': fail(() => new InternalServerError('db password=hunter2', { canBeRetried: 'Yes', detailedErrorCode: 500 })),
  '/foreign': fail(() =>
    Object.assign(new Error('x'), { status: 409, expose: true, canBeRetried: 'Yes', detailedErrorCode: 9 }),
  ),
  '/unprocessable': fail(() => new UnprocessableContent()),
  '/idempotency': fail(
    () =>
      new UnprocessableContent('Idempotency key already used with a different request body', { canBeRetried: 'No' }),
  ),
  '/legal': fail(
    () => new UnavailableForLegalReasons("Platform 'qudb' is not currently available for compliance purposes."),
  ),
  '/ok': () => ({ ok: true }),
};

const limitBody = (id: string) =>
  `{"statusCode":402,"service":"PublicApi","error":"CompanyValidationException: Company limit exceeded","correlationId":"${id}","validation":{"errors":[{"itemId":"Company","message":"Company limit exceeded. Learn more at ${docsUrl}","validatorName":"CreateCompany"}],"warnings":[]}}`;
const codat = (retry: string, code: number) => `,"canBeRetried":${JSON.stringify(retry)},"detailedErrorCode":${code}}`;

/** [path, status, bytes by default, bytes with codatFields: true]; the id sent is `id-1`. */
const expectations: Array<[path: string, status: number, plain: string, withFields: string]> = [
  [
    '/not-found',
    404,
    '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1"}',
    `{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1"${codat('Unknown', 0)}`,
  ],
  ['/company-limit', 402, limitBody('id-1'), `${limitBody('id-1').slice(0, -1)}${codat('Unknown', 0)}`],
  [
    '/conflict-retry',
    409,
    `{"statusCode":409,"service":"PublicApi","error":"Sync not finished","correlationId":"id-1"${codat('Yes', 0)}`,
    `{"statusCode":409,"service":"PublicApi","error":"Sync not finished","correlationId":"id-1"${codat('Yes', 0)}`,
  ],
  [
    '/conflict-code',
    409,
    `{"statusCode":409,"service":"PublicApi","error":"Sync not finished","correlationId":"id-1"${codat('Unknown', 40901)}`,
    `{"statusCode":409,"service":"PublicApi","error":"Sync not finished","correlationId":"id-1"${codat('Unknown', 40901)}`,
  ],
  [
    '/conflict-both',
    409,
    `{"statusCode":409,"service":"PublicApi","error":"Sync not finished","correlationId":"id-1"${codat('No', 40901)}`,
    `{"statusCode":409,"service":"PublicApi","error":"Sync not finished","correlationId":"id-1"${codat('No', 40901)}`,
  ],
  [
    '/crash',
    500,
    `{"statusCode":500,"service":"PublicApi","error":"Internal Server Error","correlationId":"id-1"${codat('Yes', 500)}`,
    `{"statusCode":500,"service":"PublicApi","error":"Internal Server Error","correlationId":"id-1"${codat('Yes', 500)}`,
  ],
  [
    '/foreign',
    409,
    '{"statusCode":409,"service":"PublicApi","error":"x","correlationId":"id-1"}',
    `{"statusCode":409,"service":"PublicApi","error":"x","correlationId":"id-1"${codat('Unknown', 0)}`,
  ],
  [
    '/no-such-route',
    404,
    '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1"}',
    `{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"id-1"${codat('Unknown', 0)}`,
  ],
  [
    '/unprocessable',
    422,
    '{"statusCode":422,"service":"PublicApi","error":"Unprocessable Content","correlationId":"id-1"}',
    `{"statusCode":422,"service":"PublicApi","error":"Unprocessable Content","correlationId":"id-1"${codat('Unknown', 0)}`,
  ],
  [
    '/idempotency',
    422,
    `{"statusCode":422,"service":"PublicApi","error":"Idempotency key already used with a different request body","correlationId":"id-1"${codat('No', 0)}`,
    `{"statusCode":422,"service":"PublicApi","error":"Idempotency key already used with a different request body","correlationId":"id-1"${codat('No', 0)}`,
  ],
  [
    '/legal',
    451,
    `{"statusCode":451,"service":"PublicApi","error":"Platform 'qudb' is not currently available for compliance purposes.","correlationId":"id-1"}`,
    `{"statusCode":451,"service":"PublicApi","error":"Platform 'qudb' is not currently available for compliance purposes.","correlationId":"id-1"${codat('Unknown', 0)}`,
  ],
];

for (const framework of frameworks) {
  describe(`${framework.name}: canBeRetried and detailedErrorCode, 422 and 451`, async () => {
    const plain = await framework.serve(throwing);
    const withFields = await framework.serve(throwing, { codatFields: true });

    for (const [path, status, plainBytes, fieldBytes] of expectations) {
      it(`${path}: by default, ${plainBytes.includes('canBeRetried') ? 'both keys from the error' : 'the bytes of before'}`, async () => {
        const reply = await request(`${plain}${path}`, { headers: { 'x-correlation-id': 'id-1' } });
        assert.equal(reply.status, status);
        assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
        assert.equal(reply.text, plainBytes);
      });

      it(`${path}: with codatFields, both keys last, in order`, async () => {
        const reply = await request(`${withFields}${path}`, { headers: { 'x-correlation-id': 'id-1' } });
        assert.equal(reply.status, status);
        assert.equal(reply.text, fieldBytes);
        assert.deepEqual(Object.keys(reply.body as object).slice(-2), ['canBeRetried', 'detailedErrorCode']);
      });
    }

    it('a success is untouched by codatFields', async () => {
      const reply = await request(`${withFields}/ok`);
      assert.equal(reply.status, 200);
      assert.equal(reply.text, '{"ok":true}');
    });

    it('HEAD of a 451 gets the status and the length of the envelope with the fields, no body', async () => {
      const reply = await request(`${withFields}/legal`, { method: 'HEAD', headers: { 'x-correlation-id': 'id-1' } });
      assert.equal(reply.status, 451);
      assert.equal(
        reply.headers.get('content-length'),
        String(Buffer.byteLength(expectations.find(([path]) => path === '/legal')![3])),
      );
      assert.equal(reply.text, '');
    });
  });

  describe(`${framework.name}: a downstream envelope with Codat's fields travels unchanged`, async () => {
    const downstream = await framework.serve({
      '/sync': fail(
        () =>
          new Conflict('Sync not finished', { service: 'QuickBooksOnline', canBeRetried: 'Yes', detailedErrorCode: 7 }),
      ),
    });
    const relay = await framework.serve(
      {
        '/relay': async () => {
          const received = await CodatApiError.fromResponse(await correlatedFetch(`${downstream}/sync`));
          if (received) throw new DownstreamError(received);
        },
      },
      { asyncContext: true },
    );

    it('DownstreamError keeps canBeRetried and detailedErrorCode: the same bytes under the one id', async () => {
      const direct = await request(`${downstream}/sync`, { headers: { 'x-correlation-id': 'id-9' } });
      const relayed = await request(`${relay}/relay`, { headers: { 'x-correlation-id': 'id-9' } });
      assert.equal(relayed.status, 409);
      assert.equal(relayed.text, direct.text);
      assert.equal(
        relayed.text,
        `{"statusCode":409,"service":"QuickBooksOnline","error":"Sync not finished","correlationId":"id-9"${codat('Yes', 7)}`,
      );
    });
  });

  describe(`${framework.name}: correlationHeader as a list`, async () => {
    const headers = ['X-Correlation-Id', 'x-request-id', 'request-id'];
    /** Answers with the correlation headers an outgoing call carried. */
    const echo = await serve((req, res) => {
      res.end(
        JSON.stringify(['x-correlation-id', 'x-request-id', 'request-id'].map((name) => req.headers[name] ?? null)),
      );
    });
    const url = await framework.serve(
      {
        '/ok': () => ({ ok: true }),
        '/not-found': fail(() => new NotFound()),
        '/outgoing': async () => (await correlatedFetch(echo.url)).json(),
      },
      { correlationHeader: headers, asyncContext: true },
    );

    const picks: Array<[string, Record<string, string>, string]> = [
      [
        'the first header that holds an id',
        { 'x-correlation-id': 'a-1', 'x-request-id': 'b-2', 'request-id': 'c-3' },
        'a-1',
      ],
      ['x-request-id when it is the first to hold one', { 'x-request-id': 'b-2', 'request-id': 'c-3' }, 'b-2'],
      ['request-id when it is the only one', { 'request-id': 'c-3' }, 'c-3'],
      [
        'a later header when an earlier one holds an invalid id',
        { 'x-correlation-id': 'not valid!', 'request-id': 'c-3' },
        'c-3',
      ],
    ];
    for (const [name, sent, expected] of picks) {
      it(`takes ${name}, echoed in x-correlation-id only`, async () => {
        for (const path of ['/ok', '/not-found']) {
          const reply = await request(`${url}${path}`, { headers: sent });
          assert.equal(reply.headers.get('x-correlation-id'), expected, path);
          assert.equal(reply.headers.get('x-request-id'), null, path);
          assert.equal(reply.headers.get('request-id'), null, path);
          if (path === '/not-found')
            assert.equal(
              reply.text,
              `{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"${expected}"}`,
            );
        }
      });
    }

    it('makes a new id when no header of the list holds a valid one', async () => {
      const reply = await request(`${url}/not-found`, {
        headers: { 'x-correlation-id': 'a b', 'x-request-id': '', 'request-id': 'é' },
      });
      const id = reply.headers.get('x-correlation-id')!;
      assert.match(id, /^[A-Za-z0-9_-]{21}$/);
      assert.equal((reply.body as { correlationId: string }).correlationId, id);
    });

    it('sends the id on outgoing calls in the first header of the list only', async () => {
      const reply = await request(`${url}/outgoing`, { headers: { 'request-id': 'c-3' } });
      assert.deepEqual(reply.body, ['c-3', null, null]);
    });
  });
}
