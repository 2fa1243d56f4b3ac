// validate() of each adapter, and the catalog's validation helpers thrown by a handler, on every
// framework of the registry with every validator the package supports.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import * as z from 'zod';
import { BadRequest, isErrorEnvelope } from 'codat-errors';
import { companySchemas, invalidBody, validBody } from '../support/company-schemas.ts';
import { envelopeText } from '../support/envelope-text.ts';
import { frameworks } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

const correlationId = 'validate-test';
const options = { generateId: () => correlationId };
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const badRequest = (errors: unknown[], warnings: unknown[] = [], error = 'Bad Request') => ({
  statusCode: 400,
  service: 'PublicApi',
  error,
  validation: { errors, warnings },
});

for (const framework of frameworks) {
  for (const schemas of companySchemas) {
    describe(`${framework.name}: validate() with ${schemas.validator}`, async () => {
      const { url } = await framework.serve(
        {
          'POST /companies/:id': {
            validate: [
              { body: schemas.body, query: schemas.query, params: schemas.params },
              { validatorName: 'CreateCompany' },
            ],
            handle: ({ body, query, params }) => ({ body, query, params }),
          },
        },
        { options, json: true },
      );

      it('answers three invalid fields with one 400 envelope naming the three', async () => {
        const reply = await request(`${url}/companies/42?limit=10`, json(invalidBody));
        assert.equal(reply.status, 400);
        assert.equal(reply.text, envelopeText(badRequest(schemas.items.body), correlationId));
      });

      it('reports every invalid part in one envelope: body, then query, then params', async () => {
        const reply = await request(`${url}/companies/abc?limit=0`, json(invalidBody));
        assert.equal(reply.status, 400);
        const { body, query, params } = schemas.items;
        assert.equal(reply.text, envelopeText(badRequest([...body, ...query, ...params]), correlationId));
      });

      it('hands the handler the parsed values: body stripped, query and params as numbers', async () => {
        const reply = await request(`${url}/companies/42?limit=10`, json(validBody));
        assert.equal(reply.status, 200);
        assert.deepEqual(reply.body, {
          body: { name: 'Acme', email: 'ops@acme.example', employees: 3 },
          query: { limit: 10 },
          params: { id: 42 },
        });
      });
    });
  }

  describe(`${framework.name}: validate() details`, async () => {
    const ajv = new Ajv({ allErrors: true });
    const nested = ajv.compile({
      type: 'object',
      required: ['name'],
      properties: { lines: { type: 'array', items: { type: 'object', properties: { 'a/b~c': { type: 'string' } } } } },
    });
    const { url } = await framework.serve(
      {
        'POST /named': {
          validate: [
            { body: z.object({ name: z.string() }) },
            { exception: 'CompanyValidationException', message: 'Invalid company' },
          ],
          handle: () => 'ok',
        },
        'POST /ajv': { validate: [{ body: nested }], handle: () => 'ok' },
      },
      { options, json: true },
    );

    it('sets the exception name and message, and leaves validatorName out when not given', async () => {
      const reply = await request(`${url}/named`, json({ name: 1 }));
      assert.equal(reply.status, 400);
      const errors = [{ itemId: 'body.name', message: 'Invalid input: expected string, received number' }];
      assert.equal(
        reply.text,
        envelopeText(badRequest(errors, [], 'CompanyValidationException: Invalid company'), correlationId),
      );
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

  describe(`${framework.name}: BadRequest.fromIssues and fromAjv thrown by a handler`, async () => {
    const Invoice = z.object({ lines: z.array(z.object({ amount: z.number().positive() })) });
    const Total = z.number();
    const ajv = new Ajv({ allErrors: true });
    const checkNote = ajv.compile({ type: 'object', properties: { note: { type: 'string', maxLength: 3 } } });
    class CompanyValidationException extends BadRequest {}
    const { url } = await framework.serve(
      {
        'POST /invoices': async ({ body }) => {
          const result = await Invoice['~standard'].validate(body);
          const total = await Total['~standard'].validate('12');
          if (result.issues && total.issues) {
            throw BadRequest.fromIssues(result.issues, {
              validatorName: 'CreateInvoice',
              exception: 'InvoiceValidationException',
              message: 'Invalid invoice',
              warnings: total.issues,
            });
          }
        },
        'POST /warnings-only': async ({ body }) => {
          const result = await Invoice['~standard'].validate(body);
          if (result.issues)
            throw BadRequest.fromIssues([], { warnings: result.issues, message: 'Check your invoice' });
        },
        'POST /subclass': async ({ body }) => {
          const result = await Invoice['~standard'].validate(body);
          if (result.issues) throw CompanyValidationException.fromIssues(result.issues);
        },
        'POST /ajv': ({ body }) => {
          checkNote(body);
          throw BadRequest.fromAjv(null, { warnings: checkNote.errors, validatorName: 'Notes' });
        },
      },
      { options, json: true },
    );

    it('turns issues into items with array indexes in the path, an empty path leaving itemId out', async () => {
      const reply = await request(`${url}/invoices`, json({ lines: [{ amount: 5 }, { amount: -1 }] }));
      assert.equal(reply.status, 400);
      const errors = [
        { itemId: 'lines.1.amount', message: 'Too small: expected number to be >0', validatorName: 'CreateInvoice' },
      ];
      const warnings = [{ message: 'Invalid input: expected number, received string', validatorName: 'CreateInvoice' }];
      assert.equal(
        reply.text,
        envelopeText(badRequest(errors, warnings, 'InvoiceValidationException: Invalid invoice'), correlationId),
      );
    });

    it('answers an error that carries only warnings with a valid envelope', async () => {
      const reply = await request(`${url}/warnings-only`, json({ lines: 'none' }));
      assert.equal(reply.status, 400);
      const warnings = [{ itemId: 'lines', message: 'Invalid input: expected array, received string' }];
      assert.equal(reply.text, envelopeText(badRequest([], warnings, 'Check your invoice'), correlationId));
      assert.equal(isErrorEnvelope(reply.body), true);
    });

    it('makes an instance of the subclass it is called on, named for it', async () => {
      const reply = await request(`${url}/subclass`, json({}));
      assert.equal(reply.status, 400);
      const errors = [{ itemId: 'lines', message: 'Invalid input: expected array, received undefined' }];
      assert.equal(
        reply.text,
        envelopeText(badRequest(errors, [], 'CompanyValidationException: Bad Request'), correlationId),
      );
    });

    it('takes Ajv errors as warnings, with null errors giving none', async () => {
      const reply = await request(`${url}/ajv`, json({ note: 'too long' }));
      assert.equal(reply.status, 400);
      const warnings = [{ itemId: 'note', message: 'must NOT have more than 3 characters', validatorName: 'Notes' }];
      assert.equal(reply.text, envelopeText(badRequest([], warnings), correlationId));
    });
  });
}
