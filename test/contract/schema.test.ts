// The JSON Schema of the envelope, and isErrorEnvelope, the same shape check in code.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { envelopeSchema, isErrorEnvelope, LimitExceeded, toEnvelope } from 'codat-errors';
import { seedExamples } from '../support/seed-examples.ts';

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(envelopeSchema);

const valid = { statusCode: 404, service: 'PublicApi', error: 'Not Found', correlationId: 'abc' };
const validation = { errors: [{ message: 'x' }], warnings: [] };

/** Envelopes the schema must reject, each with the part of Ajv's report that names the breach. */
const broken: Array<[name: string, value: unknown, breach: string]> = [
  [
    'missing statusCode',
    { service: 'PublicApi', error: 'x', correlationId: 'a' },
    "must have required property 'statusCode'",
  ],
  ['missing service', { statusCode: 404, error: 'x', correlationId: 'a' }, "must have required property 'service'"],
  [
    'missing error',
    { statusCode: 404, service: 'PublicApi', correlationId: 'a' },
    "must have required property 'error'",
  ],
  [
    'missing correlationId',
    { statusCode: 404, service: 'PublicApi', error: 'x' },
    "must have required property 'correlationId'",
  ],
  ['statusCode as a string', { ...valid, statusCode: '404' }, '/statusCode must be integer'],
  ['statusCode not an integer', { ...valid, statusCode: 404.5 }, '/statusCode must be integer'],
  ['status 200', { ...valid, statusCode: 200 }, '/statusCode must be >= 400'],
  ['status 600', { ...valid, statusCode: 600 }, '/statusCode must be <= 599'],
  ['service as a number', { ...valid, service: 7 }, '/service must be string'],
  ['error as null', { ...valid, error: null }, '/error must be string'],
  ['correlationId as a number', { ...valid, correlationId: 1 }, '/correlationId must be string'],
  ['an extra key', { ...valid, stack: 'Error: x\n    at y' }, 'must NOT have additional properties'],
  [
    'validation without warnings',
    { ...valid, validation: { errors: [] } },
    "/validation must have required property 'warnings'",
  ],
  [
    'validation without errors',
    { ...valid, validation: { warnings: [] } },
    "/validation must have required property 'errors'",
  ],
  ['validation as an array', { ...valid, validation: [] }, '/validation must be object'],
  [
    'validation with an extra key',
    { ...valid, validation: { ...validation, info: [] } },
    '/validation must NOT have additional properties',
  ],
  ['errors not an array', { ...valid, validation: { errors: {}, warnings: [] } }, '/validation/errors must be array'],
  [
    'item without message',
    { ...valid, validation: { errors: [{ itemId: 'a' }], warnings: [] } },
    "/validation/errors/0 must have required property 'message'",
  ],
  [
    'item with a numeric itemId',
    { ...valid, validation: { errors: [], warnings: [{ message: 'x', itemId: 1 }] } },
    '/validation/warnings/0/itemId must be string',
  ],
  [
    'item with an extra key',
    { ...valid, validation: { errors: [{ message: 'x', code: 'E1' }], warnings: [] } },
    '/validation/errors/0 must NOT have additional properties',
  ],
  [
    'item as a string',
    { ...valid, validation: { errors: ['x'], warnings: [] } },
    '/validation/errors/0 must be object',
  ],
  ['an array', [valid], 'must be object'],
  ['null', null, 'must be object'],
];

function report(): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`.trim()).join('; ');
}

describe('the JSON Schema of the envelope', () => {
  it('is shipped as codat-errors/envelope.schema.json, the same object as envelopeSchema', async () => {
    const file = await readFile(new URL(import.meta.resolve('codat-errors/envelope.schema.json')), 'utf8');
    assert.deepEqual(JSON.parse(file), envelopeSchema);
    assert.equal(JSON.parse(file).$schema, 'https://json-schema.org/draft/2020-12/schema');
  });

  for (const [name, text] of Object.entries(seedExamples)) {
    it(`accepts the contract's example: ${name}`, () => {
      const body: unknown = JSON.parse(text);
      assert.ok(validate(body), report());
      assert.ok(isErrorEnvelope(body));
    });
  }

  for (const [name, value, breach] of broken) {
    it(`rejects ${name}, and so does isErrorEnvelope`, () => {
      assert.equal(validate(value), false);
      assert.ok(report().includes(breach), report());
      assert.equal(isErrorEnvelope(value), false);
    });
  }
});

describe('isErrorEnvelope', () => {
  it('recognises exactly the envelope shape', () => {
    assert.ok(isErrorEnvelope(toEnvelope(LimitExceeded.companyLimit(), { correlationId: 'c' })));
    assert.ok(isErrorEnvelope({ statusCode: 404, service: 'S', error: 'e', correlationId: 'c' }));
    for (const bad of [
      null,
      [],
      'x',
      { statusCode: 200, service: 'S', error: 'e', correlationId: 'c' },
      { statusCode: 404, service: 'S', error: 'e' },
      { statusCode: 404, service: 'S', error: 'e', correlationId: 'c', extra: 1 },
      { statusCode: 404, service: 'S', error: 'e', correlationId: 'c', validation: { errors: [] } },
      {
        statusCode: 404,
        service: 'S',
        error: 'e',
        correlationId: 'c',
        validation: { errors: [{ itemId: 'x' }], warnings: [] },
      },
      {
        statusCode: 404,
        service: 'S',
        error: 'e',
        correlationId: 'c',
        validation: { errors: [], warnings: [], more: [] },
      },
      {
        statusCode: 404,
        service: 'S',
        error: 'e',
        correlationId: 'c',
        validation: { errors: [{ message: 'm', other: 1 }], warnings: [] },
      },
      { statusCode: 404, service: 'S', error: 'e', correlationId: 'c', validation: null },
      { statusCode: 404, service: 'S', error: 'e', correlationId: 'c', validation: { errors: [null], warnings: [] } },
      {
        statusCode: 404,
        service: 'S',
        error: 'e',
        correlationId: 'c',
        validation: { errors: [{ message: 'm', validatorName: 3 }], warnings: [] },
      },
    ])
      assert.equal(isErrorEnvelope(bad), false, JSON.stringify(bad));
  });
});
