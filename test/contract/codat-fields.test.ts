// Codat's two further keys in the contract: their place in the key order, and their types in the shape
// check and the JSON Schema, which must agree.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { envelopeSchema, isErrorEnvelope } from 'codat-errors';
import { envelopeKeys, requiredEnvelopeKeys } from '../../dist/contract/envelope.js';
import { envelopeProblems } from '../../dist/contract/shape.js';

const matchesSchema = new Ajv2020({ strict: true, allErrors: true }).compile(envelopeSchema);
const base = { statusCode: 409, service: 'PublicApi', error: 'Conflict', correlationId: 'abc' };

describe("Codat's canBeRetried and detailedErrorCode in the contract", () => {
  it('come last in the key order, after validation, and are optional', () => {
    assert.deepEqual(envelopeKeys, [
      'statusCode',
      'service',
      'error',
      'correlationId',
      'validation',
      'canBeRetried',
      'detailedErrorCode',
    ]);
    assert.deepEqual(requiredEnvelopeKeys, ['statusCode', 'service', 'error', 'correlationId']);
    assert.deepEqual(envelopeSchema.required, ['statusCode', 'service', 'error', 'correlationId']);
    assert.match(envelopeSchema.description, /validation, canBeRetried, detailedErrorCode\.$/);
  });

  const accepted: Array<[string, object]> = [
    ["Codat's own example values", { ...base, canBeRetried: 'Unknown', detailedErrorCode: 0 }],
    ['"No" and a negative code', { ...base, canBeRetried: 'No', detailedErrorCode: -3 }],
    ['the largest safe code', { ...base, canBeRetried: '', detailedErrorCode: Number.MAX_SAFE_INTEGER }],
    ['canBeRetried alone (Codat declares each optional)', { ...base, canBeRetried: 'Yes' }],
    ['detailedErrorCode alone', { ...base, detailedErrorCode: 12 }],
    [
      'with validation',
      { ...base, validation: { errors: [], warnings: [] }, canBeRetried: 'Unknown', detailedErrorCode: 0 },
    ],
  ];
  for (const [name, value] of accepted) {
    it(`accepts ${name}: isErrorEnvelope and the JSON Schema alike`, () => {
      assert.deepEqual(envelopeProblems(value), []);
      assert.equal(isErrorEnvelope(value), true);
      assert.equal(matchesSchema(value), true, JSON.stringify(matchesSchema.errors));
    });
  }

  const rejected: Array<[string, object, string, string]> = [
    [
      'a boolean canBeRetried',
      { ...base, canBeRetried: true },
      'canBeRetried must be a string, got true',
      '/canBeRetried must be string',
    ],
    [
      'a null canBeRetried',
      { ...base, canBeRetried: null },
      'canBeRetried must be a string, got null',
      '/canBeRetried must be string',
    ],
    [
      'a fractional detailedErrorCode',
      { ...base, detailedErrorCode: 1.5 },
      'detailedErrorCode must be a safe integer, got 1.5',
      '/detailedErrorCode must be integer',
    ],
    [
      'a detailedErrorCode as a string',
      { ...base, detailedErrorCode: '0' },
      'detailedErrorCode must be a safe integer, got "0"',
      '/detailedErrorCode must be integer',
    ],
    [
      'an unsafe detailedErrorCode',
      { ...base, detailedErrorCode: 2 ** 53 },
      'detailedErrorCode must be a safe integer, got 9007199254740992',
      '/detailedErrorCode must be <= 9007199254740991',
    ],
    [
      'an unsafe negative detailedErrorCode',
      { ...base, detailedErrorCode: -(2 ** 53) },
      'detailedErrorCode must be a safe integer, got -9007199254740992',
      '/detailedErrorCode must be >= -9007199254740991',
    ],
  ];
  for (const [name, value, problem, breach] of rejected) {
    it(`rejects ${name}: isErrorEnvelope and the JSON Schema alike`, () => {
      assert.deepEqual(envelopeProblems(value), [problem]);
      assert.equal(isErrorEnvelope(value), false);
      assert.equal(matchesSchema(value), false);
      assert.ok(
        matchesSchema.errors!.some((e) => `${e.instancePath} ${e.message}` === breach),
        JSON.stringify(matchesSchema.errors),
      );
    });
  }
});
