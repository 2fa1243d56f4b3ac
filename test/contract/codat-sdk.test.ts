// Codat's official TypeScript SDK (@codat/platform) reads our envelopes into its typed ErrorMessage,
// Codat's fields included, over HTTP from every framework; and it refuses the types it does not take.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Router from '@koa/router';
import express5 from 'express';
// @ts-expect-error: Express 4 is installed under an alias; its types are those of Express 5 here.
import express4Untyped from 'express4';
import Koa3 from 'koa';
// @ts-expect-error: Koa 2 is installed under an alias and has no types of its own here.
import Koa2 from 'koa2';
import { CodatPlatform } from '@codat/platform';
import { ErrorMessage, ResponseValidationError } from '@codat/platform/sdk/models/errors/index.js';
import {
  codatErrors as koaErrors,
  LimitExceeded,
  NotFound,
  ServiceUnavailable,
  UnprocessableContent,
  type CodatErrorsOptions,
} from 'codat-errors';
import { codatErrors as expressErrors } from 'codat-errors/express';
import { serve } from '../support/serve.ts';

type Fail = (companyId: string) => unknown;

/** The four frameworks, each serving the SDK's `GET /companies/:companyId`, which fails with `fail(companyId)`. */
const frameworks: Array<{ name: string; serve(fail: Fail, options: CodatErrorsOptions): Promise<string> }> = [
  ...(
    [
      ['Koa 3', Koa3],
      ['Koa 2', Koa2 as typeof Koa3],
    ] as const
  ).map(([name, Koa]) => ({
    name,
    async serve(fail: Fail, options: CodatErrorsOptions) {
      const app = new Koa();
      app.silent = true;
      app.use(koaErrors(options));
      const router = new Router();
      router.get('/companies/:companyId', (ctx) => {
        throw fail(ctx.params.companyId!);
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
    async serve(fail: Fail, options: CodatErrorsOptions) {
      const errors = expressErrors(options);
      const app = express();
      app.set('env', 'test');
      app.use(errors.correlation);
      app.get('/companies/:companyId', (req) => {
        throw fail(req.params.companyId!);
      });
      app.use(errors.handler);
      return (await serve(app)).url;
    },
  })),
];

const docsUrl = 'https://docs.codat.io/using-the-api/errors';
const failures: Record<string, () => unknown> = {
  'not-found': () => new NotFound('Company not found'),
  limit: () => LimitExceeded.companyLimit({ docsUrl }),
  maintenance: () =>
    new ServiceUnavailable('Down for maintenance', { retryAfter: 60, canBeRetried: 'Yes', detailedErrorCode: 50301 }),
  unprocessable: () => new UnprocessableContent(),
};

/** What the SDK's companies.get rejects with, for the company id `companyId`. */
async function sdkError(url: string, companyId: string): Promise<unknown> {
  const sdk = new CodatPlatform({ serverURL: url, authHeader: 'Basic dGVzdA==', retryConfig: { strategy: 'none' } });
  try {
    await sdk.companies.get({ companyId });
  } catch (error) {
    return error;
  }
  assert.fail('the SDK resolved an error response');
}

for (const framework of frameworks) {
  describe(`${framework.name}: Codat's SDK parses our envelopes into its typed ErrorMessage`, async () => {
    const fail = (companyId: string) => failures[companyId]!();
    const withFields = await framework.serve(fail, { service: 'PublicApi', codatFields: true });
    const plain = await framework.serve(fail, { service: 'PublicApi' });

    it('a 404 with codatFields: every field typed, "Unknown" and 0', async () => {
      const error = await sdkError(withFields, 'not-found');
      assert.ok(error instanceof ErrorMessage, String(error));
      assert.equal(error.statusCode, 404);
      assert.equal(error.data$.statusCode, 404);
      assert.equal(error.service, 'PublicApi');
      assert.equal(error.error, 'Company not found');
      assert.match(error.correlationId ?? '', /^[A-Za-z0-9_-]{21}$/);
      assert.equal(error.headers.get('x-correlation-id'), error.correlationId);
      assert.equal(error.canBeRetried, 'Unknown');
      assert.equal(error.detailedErrorCode, 0);
    });

    it('a 402 with validation and codatFields: its validation items too', async () => {
      const error = await sdkError(withFields, 'limit');
      assert.ok(error instanceof ErrorMessage, String(error));
      assert.equal(error.error, 'CompanyValidationException: Company limit exceeded');
      assert.deepEqual(error.validation, {
        errors: [
          {
            itemId: 'Company',
            message: `Company limit exceeded. Learn more at ${docsUrl}`,
            validatorName: 'CreateCompany',
          },
        ],
        warnings: [],
      });
      assert.deepEqual([error.canBeRetried, error.detailedErrorCode], ['Unknown', 0]);
    });

    it("a masked 503 with the error's own values", async () => {
      const error = await sdkError(withFields, 'maintenance');
      assert.ok(error instanceof ErrorMessage, String(error));
      assert.equal(error.error, 'Service Unavailable');
      assert.deepEqual([error.canBeRetried, error.detailedErrorCode], ['Yes', 50301]);
    });

    it('the default bytes, without the fields: typed too, the fields undefined', async () => {
      const error = await sdkError(plain, 'not-found');
      assert.ok(error instanceof ErrorMessage, String(error));
      assert.equal(error.error, 'Company not found');
      assert.deepEqual([error.canBeRetried, error.detailedErrorCode], [undefined, undefined]);
    });

    it('a 422, which companies.get does not declare: the SDK falls back to its generic error, with our bytes as the body', async () => {
      const error = await sdkError(withFields, 'unprocessable');
      assert.ok(!(error instanceof ErrorMessage));
      const { statusCode, body } = error as { statusCode: number; body: string };
      assert.equal(statusCode, 422);
      assert.match(
        body,
        /^\{"statusCode":422,"service":"PublicApi","error":"Unprocessable Content","correlationId":"[A-Za-z0-9_-]{21}","canBeRetried":"Unknown","detailedErrorCode":0\}$/,
      );
    });
  });
}

describe("the SDK is strict about the two fields' types: what the package's checks spare its users", async () => {
  const raw = (body: object) =>
    serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    });
  const base = { statusCode: 404, service: 'PublicApi', error: 'Not Found', correlationId: 'abc' };

  for (const [name, body] of [
    ['a boolean canBeRetried', { ...base, canBeRetried: true, detailedErrorCode: 0 }],
    ['a fractional detailedErrorCode', { ...base, canBeRetried: 'Unknown', detailedErrorCode: 1.5 }],
  ] as const) {
    it(`${name} makes it throw a ResponseValidationError instead of its ErrorMessage`, async () => {
      const error = await sdkError((await raw(body)).url, 'x');
      assert.ok(error instanceof ResponseValidationError, String(error));
      assert.ok(!(error instanceof ErrorMessage));
    });
  }
});
