// Property tests of the framework-free core: whatever is thrown, the envelope is well formed, masked
// and bounded. 10,000 runs per property here; `npm run fuzz` runs each 1,000,000 times (FUZZ_RUNS).
import assert from 'node:assert/strict';
import { STATUS_CODES, validateHeaderName, validateHeaderValue } from 'node:http';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { envelopeSchema, isValidCorrelationId, toEnvelope, type Limits } from 'codat-errors';
import { createCorrelator } from '../../dist/correlation/correlator.js';
import { createEngine } from '../../dist/core/engine.js';
import { canary } from '../support/canary.ts';
import {
  generic,
  headerBytes,
  isErrorStatusOracle,
  parameters,
  runs,
  thrownValue,
  type Thrown,
} from '../support/hostile.ts';

const numRuns = runs(10_000);
const isEnvelope = new Ajv2020({ strict: true }).compile(envelopeSchema);
const limitsArb = fc.record({
  errorLength: fc.integer({ min: 1, max: 2000 }),
  fieldLength: fc.integer({ min: 1, max: 2000 }),
  items: fc.integer({ min: 1, max: 120 }),
});
const longestPhrase = Math.max(...Object.values(STATUS_CODES).map((text) => text!.length));
const contentHeaders = new Set(['content-type', 'x-content-type-options']);

/** The largest body limits allow: every character escaped by JSON.stringify as \uXXXX, plus the keys. */
function maxBodyBytes({ errorLength, fieldLength, items }: Limits): number {
  return 6 * (errorLength + 2 * fieldLength + 2 * items * 3 * fieldLength) + 200 * (2 * items + 1) + 600;
}

function checkResponse(thrown: Thrown, limits: Limits, correlationId: string, codatFields: boolean): void {
  const logged: string[] = [];
  const logger = {
    warn: (_details: object, message: string) => logged.push(message),
    error: (_details: object, message: string) => logged.push(message),
  };
  const response = createEngine({ limits, logger, codatFields }).failure(
    thrown.value,
    { method: 'GET', path: '/' },
    correlationId,
  );
  // Byte for byte what JSON.stringify makes of the core's envelope: same keys, same order, same escapes.
  assert.equal(response.body, JSON.stringify(toEnvelope(thrown.value, { correlationId, limits, codatFields })));
  const envelope = JSON.parse(response.body) as Record<string, unknown>;
  assert.ok(isEnvelope(envelope), JSON.stringify(isEnvelope.errors));
  assert.deepEqual(logged, [envelope.error], "the log line is the envelope's error");
  assert.equal(envelope.statusCode, response.status);
  assert.equal(envelope.correlationId, correlationId);
  if (thrown.loose && response.status === 500) assert.equal(envelope.error, generic);
  else {
    assert.equal(response.status, thrown.status, thrown.kind);
    // A reason phrase is short and shown whole; a thrower's text is cut to the limit.
    if (thrown.error !== undefined)
      assert.ok(
        [thrown.error, thrown.error.slice(0, limits.errorLength)].includes(envelope.error as string),
        `${thrown.kind}: ${JSON.stringify(envelope.error)} is not ${JSON.stringify(thrown.error)}`,
      );
  }
  assert.ok((envelope.error as string).length <= Math.max(limits.errorLength, longestPhrase));
  assert.ok(
    (envelope.service as string).length <= Math.max(limits.fieldLength, 'PublicApi'.length),
    'service too long',
  );
  // Codat's two fields go together: always with codatFields, else only from an error that sets them.
  assert.equal('canBeRetried' in envelope, 'detailedErrorCode' in envelope, 'canBeRetried without detailedErrorCode');
  if (codatFields) assert.ok('canBeRetried' in envelope, 'codatFields on, canBeRetried missing');
  else if (!thrown.kind.startsWith('catalog'))
    assert.ok(!('canBeRetried' in envelope), `${thrown.kind} has canBeRetried`);
  if ('canBeRetried' in envelope)
    assert.ok(
      (envelope.canBeRetried as string).length <= Math.max(limits.fieldLength, 'Unknown'.length),
      'canBeRetried too long',
    );
  assert.ok(Buffer.byteLength(response.body) <= maxBodyBytes(limits), 'body too large');
  assert.ok(!response.body.includes(canary), `canary in the body of ${thrown.kind}`);
  // Adapters set the headers in order, so the last value of a name is the one sent.
  const sent = new Map(response.headers);
  assert.equal(sent.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(sent.get('x-content-type-options'), 'nosniff');
  for (const [name, value] of response.headers) {
    validateHeaderName(name);
    validateHeaderValue(name, value as string);
    assert.ok(!String(value).includes(canary), `canary in header ${name} of ${thrown.kind}`);
    if (!thrown.kind.startsWith('catalog') && !contentHeaders.has(name))
      assert.ok(['allow', 'retry-after', 'www-authenticate'].includes(name), name);
  }
  for (const list of Object.values((envelope.validation ?? {}) as Record<string, Array<Record<string, string>>>)) {
    assert.ok(list.length <= limits.items, 'too many items');
    for (const item of list)
      for (const value of Object.values(item))
        assert.ok(value.length <= limits.fieldLength, `item field of ${value.length} characters`);
  }
}

describe(`the core, ${numRuns} runs per property`, () => {
  it('any thrown value gives a schema-valid, masked, bounded envelope whose status is that of the response', () => {
    fc.assert(
      fc.property(thrownValue, limitsArb, fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), checkResponse),
      parameters(numRuns),
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype polluted');
  });

  it('the status rule: an integer status in 400–599 is kept, else statusCode, else 500; status wins', () => {
    const anyValue = fc.oneof(
      fc.integer({ min: 300, max: 700 }),
      fc.anything({ withBigInt: true, withBoxedValues: true }),
      fc.double(),
    );
    fc.assert(
      fc.property(anyValue, anyValue, fc.boolean(), (status, statusCode, asError) => {
        const thrown = asError ? Object.assign(new Error(canary), { status, statusCode }) : { status, statusCode };
        const expected = isErrorStatusOracle(status) ? status : isErrorStatusOracle(statusCode) ? statusCode : 500;
        const envelope = toEnvelope(thrown, { correlationId: 'x' });
        assert.equal(envelope.statusCode, expected);
        assert.equal(envelope.error, STATUS_CODES[expected] ?? 'Unknown Error');
      }),
      parameters(numRuns),
    );
  });

  it('isValidCorrelationId accepts exactly 1 to 128 characters of A-Z a-z 0-9 - _ . :', () => {
    const allowed = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:');
    fc.assert(
      fc.property(headerBytes, (value) => {
        const expected = value.length >= 1 && value.length <= 128 && [...value].every((c) => allowed.has(c));
        assert.equal(isValidCorrelationId(value), expected);
      }),
      parameters(numRuns),
    );
  });

  it('the correlation policy reuses a valid incoming id unchanged and replaces any other value with a valid one', () => {
    const correlate = createCorrelator({
      header: 'x-correlation-id',
      trustIncomingId: true,
      generateId: () => 'generated',
    });
    const incoming = fc.oneof(headerBytes, fc.array(headerBytes, { maxLength: 3 }), fc.anything());
    fc.assert(
      fc.property(incoming, (value) => {
        const id = correlate({ 'x-correlation-id': value as string });
        assert.equal(id, isValidCorrelationId(value) ? value : 'generated');
      }),
      parameters(numRuns),
    );
  });
});
