// Point 4 of issue 16: text cut to `limits` is cut at a code point, and every string of an envelope
// is well formed Unicode, whatever the thrower's text holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Koa from 'koa';
import { BadRequest, codatErrors, CodatError, toEnvelope, type ErrorEnvelope } from 'codat-errors';
import { createEngine } from '../../dist/core/engine.js';
import { runs } from '../support/hostile.ts';
import { request, serve } from '../support/serve.ts';

/** ES2024's String.prototype.isWellFormed (Node 20+), which the es2023 lib the tests compile with does not declare. */
const isWellFormed = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Every string in an envelope: its own, and each field of each validation item. */
function stringsOf(envelope: ErrorEnvelope): string[] {
  const items = [...(envelope.validation?.errors ?? []), ...(envelope.validation?.warnings ?? [])];
  return [
    envelope.service,
    envelope.error,
    envelope.correlationId,
    ...items.flatMap((item) => Object.values(item) as string[]),
  ];
}

// Any UTF-16 units: pairs, lone high and low surrogates, and pairs that a cut would split.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.array(fc.constantFrom('a', 'é', '🌍', '\ud83c', '\udf0d'), { maxLength: 40 }).map((parts) => parts.join('')),
);
const limits = fc.record({
  errorLength: fc.integer({ min: 1, max: 70 }),
  fieldLength: fc.integer({ min: 1, max: 70 }),
  items: fc.integer({ min: 1, max: 5 }),
});
const thrown = fc
  .record({
    message: text,
    exception: fc.option(text, { nil: undefined }),
    service: fc.option(text, { nil: undefined }),
    items: fc.array(fc.record({ itemId: text, message: text, validatorName: text }), { maxLength: 4 }),
  })
  .map(
    ({ message, exception, service, items }) =>
      new BadRequest(message, {
        ...(exception !== undefined && { exception }),
        ...(service !== undefined && { service }),
        validation: { errors: items, warnings: items },
      }),
  );

describe('cutting text to limits', () => {
  it('leaves every string of an envelope well formed, each within its limit', () => {
    fc.assert(
      fc.property(thrown, limits, (error, caps) => {
        const envelope = toEnvelope(error, { correlationId: 'c1', limits: caps });
        for (const value of stringsOf(envelope)) assert.ok(isWellFormed(value), JSON.stringify(value));
        assert.ok(envelope.error.length <= Math.max(caps.errorLength, 'Bad Request'.length));
        // The bytes the middleware sends parse to the same envelope.
        const response = createEngine({ limits: caps }).failure(error, { method: 'GET', path: '/' }, 'c1');
        assert.deepEqual(JSON.parse(response.body), envelope);
      }),
      { numRuns: runs(2_000) },
    );
  });

  it('cuts a well formed text at the last code point that fits: a prefix, one unit short at most', () => {
    const wellFormed = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((value) => value !== '');
    fc.assert(
      fc.property(wellFormed, fc.integer({ min: 1, max: 50 }), (message, errorLength) => {
        const { error } = toEnvelope(new BadRequest(message), { correlationId: 'c1', limits: { errorLength } });
        assert.ok(message.startsWith(error));
        assert.ok(error.length === Math.min(message.length, errorLength) || error.length === errorLength - 1);
      }),
      { numRuns: runs(2_000) },
    );
  });

  it('never splits a surrogate pair at the limit, and replaces a lone surrogate', () => {
    const envelope = (message: string, errorLength: number) =>
      toEnvelope(new BadRequest(message), { correlationId: 'c1', limits: { errorLength } }).error;
    assert.equal(envelope('héllo wörld 🌍', 13), 'héllo wörld ');
    assert.equal(envelope('héllo wörld 🌍', 14), 'héllo wörld 🌍');
    assert.equal(envelope('🌍', 1), '');
    assert.equal(envelope('héllo wörld \ud83c', 100), 'héllo wörld \ufffd');
    assert.equal(envelope('\udf0d then text', 100), '\ufffd then text');
    const { service } = toEnvelope(new CodatError('x', { status: 502, service: 'Quick🌍' }), {
      correlationId: 'c1',
      limits: { fieldLength: 6 },
    });
    assert.equal(service, 'Quick');
  });

  it('sends a cut text as well formed JSON over HTTP', async () => {
    const app = new Koa();
    app.silent = true;
    app.use(codatErrors({ limits: { errorLength: 13, fieldLength: 4 } }));
    app.use(() => {
      throw new BadRequest('héllo wörld 🌍', { validation: { errors: [{ itemId: 'abc🌍', message: 'x\ud83c' }] } });
    });
    const { url } = await serve(app.callback());
    const reply = await request(url);
    assert.equal(reply.status, 400);
    assert.doesNotMatch(reply.text, /\\ud8|\\udc|\\udf/i, 'no escaped lone surrogate');
    assert.deepEqual(reply.body, {
      statusCode: 400,
      service: 'PublicApi',
      error: 'héllo wörld ',
      correlationId: reply.headers.get('x-correlation-id'),
      validation: { errors: [{ itemId: 'abc', message: 'x\ufffd' }], warnings: [] },
    });
  });
});
