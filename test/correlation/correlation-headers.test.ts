// `correlationHeader` as a list: the id comes from the first header that holds a valid one, and is
// echoed (and carried to outgoing calls) in the first header of the list.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codatErrors } from 'codat-errors';
import { createEngine } from '../../dist/core/engine.js';
import { createCorrelator, headersReadBy } from '../../dist/correlation/correlator.js';

const list = ['x-correlation-id', 'x-request-id', 'request-id'];
const generated = 'generated';

describe('the correlator with a list of headers', () => {
  const correlate = createCorrelator({ header: list, trustIncomingId: true, generateId: () => generated });

  const picks: Array<[string, Record<string, string | string[]>, string]> = [
    [
      'the first header when it holds a valid id',
      { 'x-correlation-id': 'a-1', 'x-request-id': 'b-2', 'request-id': 'c-3' },
      'a-1',
    ],
    ['a later header when the earlier are absent', { 'request-id': 'c-3' }, 'c-3'],
    [
      'the next header when the first holds an invalid id',
      { 'x-correlation-id': 'not valid!', 'x-request-id': 'b-2', 'request-id': 'c-3' },
      'b-2',
    ],
    [
      'past an empty one and a repeated one (two values)',
      { 'x-correlation-id': '', 'x-request-id': ['b-2', 'b-3'], 'request-id': 'c-3' },
      'c-3',
    ],
    [
      'a new id when none holds a valid one',
      { 'x-correlation-id': 'a b', 'x-request-id': 'x'.repeat(129), 'request-id': 'é' },
      generated,
    ],
    ['a new id when none is there, whatever other headers say', { 'x-trace-id': 'zzz' }, generated],
  ];
  for (const [name, headers, expected] of picks) {
    it(`takes ${name}`, () => assert.equal(correlate(headers), expected));
  }

  it('falls back to the traceparent trace id only when no header of the list holds a valid id', () => {
    const withTrace = createCorrelator({
      header: list,
      trustIncomingId: true,
      generateId: () => generated,
      traceIdAsCorrelationId: true,
    });
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    assert.equal(withTrace({ 'x-correlation-id': 'bad id', traceparent }), '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(withTrace({ 'request-id': 'c-3', traceparent }), 'c-3');
  });

  it('reads no header when incoming ids are not trusted', () => {
    const untrusting = createCorrelator({ header: list, trustIncomingId: false, generateId: () => generated });
    assert.equal(untrusting({ 'x-correlation-id': 'a-1', 'request-id': 'c-3' }), generated);
  });
});

describe('the headers a correlator reads (copied from a web Headers)', () => {
  it('names the list, then traceparent when asked, and nothing when incoming ids are not trusted', () => {
    assert.deepEqual(headersReadBy({ header: 'x-correlation-id', trustIncomingId: true }), ['x-correlation-id']);
    assert.deepEqual(headersReadBy({ header: list, trustIncomingId: true, traceIdAsCorrelationId: true }), [
      ...list,
      'traceparent',
    ]);
    assert.deepEqual(headersReadBy({ header: list, trustIncomingId: false }), []);
  });

  it('is what the engine copies: with the options the engine was given', () => {
    const engine = createEngine({ correlationHeader: ['X-Request-Id', 'request-id'], traceIdAsCorrelationId: true });
    assert.deepEqual(engine.correlationReads, ['x-request-id', 'request-id', 'traceparent']);
  });
});

describe('the correlationHeader option as a list', () => {
  it('echoes in the first header, lower-cased, and reads the others in order', () => {
    const engine = createEngine({
      correlationHeader: ['X-Correlation-Id', 'X-Request-Id', 'Request-Id'],
      generateId: () => generated,
    });
    assert.equal(engine.correlationHeader, 'x-correlation-id');
    assert.equal(engine.correlate({ 'request-id': 'c-3' }), 'c-3');
    assert.equal(engine.correlate({ 'x-request-id': 'b-2', 'request-id': 'c-3' }), 'b-2');
  });

  it('carries the first header to the async context, where outgoing calls read it', () => {
    const seen: string[] = [];
    const engine = createEngine(
      { correlationHeader: ['Request-Id', 'x-correlation-id'], asyncContext: true },
      (id, rest, header) => {
        seen.push(`${id} in ${header}`);
        return rest();
      },
    );
    engine.runInContext!('c-3', () => undefined);
    assert.deepEqual(seen, ['c-3 in request-id']);
  });

  it('a list of one, or one name repeated, means what the single name means', () => {
    for (const option of [['Request-Id'], ['request-id', 'Request-Id']]) {
      const engine = createEngine({ correlationHeader: option, generateId: () => generated });
      assert.equal(engine.correlationHeader, 'request-id');
      assert.equal(engine.correlate({ 'request-id': 'c-3' }), 'c-3');
      assert.equal(engine.correlate({ 'x-correlation-id': 'a-1' }), generated);
    }
  });

  it('is checked at start-up: an empty list or a list with an invalid name throws, saying what to pass', () => {
    const message =
      /^codat-errors: option "correlationHeader" must be a header name such as "x-correlation-id", or a non-empty list of them such as \["x-correlation-id", "x-request-id"\], got (an array|"x id")$/;
    for (const wrong of [[], ['x-correlation-id', 'bad header'], ['x-correlation-id', 42], 'x id']) {
      assert.throws(
        () => codatErrors({ correlationHeader: wrong as never }),
        (error: unknown) => error instanceof TypeError && message.test(error.message),
        JSON.stringify(wrong),
      );
    }
  });
});
