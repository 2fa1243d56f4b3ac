import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import { Ajv } from 'ajv';
import Koa3 from 'koa';
// @ts-expect-error: Koa 2 is installed under an alias and has no types of its own here.
import Koa2 from 'koa2';
import * as z from 'zod';
import { BadRequest, codatErrors, isErrorEnvelope, validate, type PartValidator, type RequestSchemas } from 'codat-errors';
import { companySchemas, invalidBody, validBody } from '../support/company-schemas.ts';
import { envelopeText } from '../support/envelope-text.ts';
import { request, serve } from '../support/serve.ts';

type App = InstanceType<typeof Koa3>;

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const badRequest = (errors: unknown[], warnings: unknown[] = [], error = 'Bad Request') =>
  ({ statusCode: 400, service: 'PublicApi', error, validation: { errors, warnings } });

for (const [koaName, Koa] of [['Koa 3', Koa3], ['Koa 2', Koa2]] as const) {
  async function start(setup: (router: Router) => void) {
    const app: App = new Koa();
    app.silent = true;
    app.use(codatErrors()).use(bodyParser());
    const router = new Router();
    setup(router);
    app.use(router.routes());
    return serve(app.callback());
  }

  for (const schemas of companySchemas) {
    describe(`${koaName}: validate() with ${schemas.validator}`, async () => {
      const { url } = await start((router) => {
        router.post('/companies/:id', validate({ body: schemas.body, query: schemas.query, params: schemas.params }, { validatorName: 'CreateCompany' }), (ctx) => {
          ctx.body = { body: ctx.request.body, query: ctx.query, requestQuery: ctx.request.query, querystring: ctx.querystring, params: ctx.params };
        });
      });

      it('answers three invalid fields with one 400 envelope naming the three', async () => {
        const reply = await request(`${url}/companies/42?limit=10`, json(invalidBody));
        assert.equal(reply.status, 400);
        assert.equal(reply.text, envelopeText(badRequest(schemas.items.body), reply.headers.get('x-correlation-id')!));
      });

      it('reports every invalid part in one envelope: body, then query, then params', async () => {
        const reply = await request(`${url}/companies/abc?limit=0`, json(invalidBody));
        assert.equal(reply.status, 400);
        const { body, query, params } = schemas.items;
        assert.equal(reply.text, envelopeText(badRequest([...body, ...query, ...params]), reply.headers.get('x-correlation-id')!));
      });

      it('hands the handler the parsed values: body stripped, query and params as numbers, querystring raw', async () => {
        const reply = await request(`${url}/companies/42?limit=10`, json(validBody));
        assert.equal(reply.status, 200);
        assert.deepEqual(reply.body, {
          body: { name: 'Acme', email: 'ops@acme.example', employees: 3 },
          query: { limit: 10 },
          requestQuery: { limit: 10 },
          querystring: 'limit=10',
          params: { id: 42 },
        });
      });
    });
  }

  describe(`${koaName}: validate() details`, async () => {
    const ajv = new Ajv({ allErrors: true });
    const nested = ajv.compile({
      type: 'object',
      required: ['name'],
      properties: { lines: { type: 'array', items: { type: 'object', properties: { 'a/b~c': { type: 'string' } } } } },
    });
    const { url } = await start((router) => {
      router.post('/named', validate({ body: z.object({ name: z.string() }) }, { exception: 'CompanyValidationException', message: 'Invalid company' }), (ctx) => {
        ctx.body = 'ok';
      });
      router.post('/ajv', validate({ body: nested }), (ctx) => { ctx.body = 'ok'; });
    });

    it('sets the exception name and message, and leaves validatorName out when not given', async () => {
      const reply = await request(`${url}/named`, json({ name: 1 }));
      assert.equal(reply.status, 400);
      const errors = [{ itemId: 'body.name', message: 'Invalid input: expected string, received number' }];
      assert.equal(reply.text, envelopeText(badRequest(errors, [], 'CompanyValidationException: Invalid company'), reply.headers.get('x-correlation-id')!));
    });

    it('names the part itself when the whole part is invalid', async () => {
      const reply = await request(`${url}/named`, json(['Acme']));
      assert.equal(reply.status, 400);
      assert.deepEqual((reply.body as { validation: unknown }).validation, {
        errors: [{ itemId: 'body', message: 'Invalid input: expected object, received array' }],
        warnings: [],
      });
    });

    it('turns Ajv JSON Pointers into dotted paths, names missing properties, and uses the keyword as validatorName', async () => {
      const reply = await request(`${url}/ajv`, json({ lines: [{ 'a/b~c': 'x' }, { 'a/b~c': 2 }] }));
      assert.equal(reply.status, 400);
      assert.deepEqual((reply.body as { validation: unknown }).validation, {
        errors: [
          { itemId: 'body.name', message: "must have required property 'name'", validatorName: 'required' },
          { itemId: 'body.lines.1.a/b~c', message: 'must be string', validatorName: 'type' },
        ],
        warnings: [],
      });
    });
  });

  describe(`${koaName}: BadRequest.fromIssues and fromAjv thrown by a handler`, async () => {
    const Invoice = z.object({ lines: z.array(z.object({ amount: z.number().positive() })) });
    const Total = z.number();
    const ajv = new Ajv({ allErrors: true });
    const checkNote = ajv.compile({ type: 'object', properties: { note: { type: 'string', maxLength: 3 } } });
    class CompanyValidationException extends BadRequest {}
    const { url } = await start((router) => {
      router.post('/invoices', async (ctx) => {
        const result = await Invoice['~standard'].validate(ctx.request.body);
        const total = await Total['~standard'].validate('12');
        if (result.issues && total.issues) {
          throw BadRequest.fromIssues(result.issues, { validatorName: 'CreateInvoice', exception: 'InvoiceValidationException', message: 'Invalid invoice', warnings: total.issues });
        }
      });
      router.post('/warnings-only', async (ctx) => {
        const result = await Invoice['~standard'].validate(ctx.request.body);
        if (result.issues) throw BadRequest.fromIssues([], { warnings: result.issues, message: 'Check your invoice' });
      });
      router.post('/subclass', async (ctx) => {
        const result = await Invoice['~standard'].validate(ctx.request.body);
        if (result.issues) throw CompanyValidationException.fromIssues(result.issues);
      });
      router.post('/ajv', (ctx) => {
        checkNote(ctx.request.body);
        throw BadRequest.fromAjv(null, { warnings: checkNote.errors, validatorName: 'Notes' });
      });
    });

    it('turns issues into items with array indexes in the path, an empty path leaving itemId out', async () => {
      const reply = await request(`${url}/invoices`, json({ lines: [{ amount: 5 }, { amount: -1 }] }));
      assert.equal(reply.status, 400);
      const errors = [{ itemId: 'lines.1.amount', message: 'Too small: expected number to be >0', validatorName: 'CreateInvoice' }];
      const warnings = [{ message: 'Invalid input: expected number, received string', validatorName: 'CreateInvoice' }];
      assert.equal(reply.text, envelopeText(badRequest(errors, warnings, 'InvoiceValidationException: Invalid invoice'), reply.headers.get('x-correlation-id')!));
    });

    it('answers an error that carries only warnings with a valid envelope', async () => {
      const reply = await request(`${url}/warnings-only`, json({ lines: 'none' }));
      assert.equal(reply.status, 400);
      const warnings = [{ itemId: 'lines', message: 'Invalid input: expected array, received string' }];
      assert.equal(reply.text, envelopeText(badRequest([], warnings, 'Check your invoice'), reply.headers.get('x-correlation-id')!));
      assert.equal(isErrorEnvelope(reply.body), true);
    });

    it('makes an instance of the subclass it is called on, named for it', async () => {
      const reply = await request(`${url}/subclass`, json({}));
      assert.equal(reply.status, 400);
      const errors = [{ itemId: 'lines', message: 'Invalid input: expected array, received undefined' }];
      assert.equal(reply.text, envelopeText(badRequest(errors, [], 'CompanyValidationException: Bad Request'), reply.headers.get('x-correlation-id')!));
    });

    it('takes Ajv errors as warnings, with null errors giving none', async () => {
      const reply = await request(`${url}/ajv`, json({ note: 'too long' }));
      assert.equal(reply.status, 400);
      const warnings = [{ itemId: 'note', message: 'must NOT have more than 3 characters', validatorName: 'Notes' }];
      assert.equal(reply.text, envelopeText(badRequest([], warnings), reply.headers.get('x-correlation-id')!));
    });
  });
}

describe('validate() refuses a bad set-up at start-up, saying what to pass', () => {
  const body = z.object({});
  const bad: Array<[string, () => unknown, RegExp]> = [
    ['no schemas', () => validate({}), /needs an object with a schema for body, query or params, got an object/],
    ['not an object', () => validate(null as unknown as RequestSchemas), /needs an object .* got null/],
    ['an unknown part', () => validate({ headers: body } as RequestSchemas), /checks body, query, params; "headers" is not one of them/],
    ['a part that is no validator', () => validate({ body: 'name' as unknown as PartValidator }), /body must be a Standard Schema \(zod, valibot, arktype\) or an Ajv validate function, got "name"/],
    ['an async Ajv schema', () => validate({ body: new Ajv().compile({ $async: true, type: 'object' }) as PartValidator }), /asynchronous Ajv schemas are not supported/],
    ['an unknown option', () => validate({ body }, { name: 'x' } as object), /unknown validate\(\) option "name"; the options are validatorName, exception, message/],
    ['an option that is no string', () => validate({ body }, { message: 3 } as object), /option "message" must be a non-empty string, got 3/],
  ];
  for (const [name, create, message] of bad) {
    it(name, () => assert.throws(create, { name: 'TypeError', message }));
  }
});
