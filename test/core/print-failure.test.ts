// Point 7 of issue 16: the one way a 5xx is printed without a logger, shared by every adapter.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { printedValueLength, printFailure } from '../../dist/core/report.js';

const details = { correlationId: 'req-1', statusCode: 500, method: 'POST', path: '/invoices/7' };

function printed(t: TestContext, thrown: unknown): string {
  const error = t.mock.method(console, 'error', () => {});
  printFailure(thrown, details);
  assert.equal(error.mock.callCount(), 1, 'one call');
  const [text, ...more] = error.mock.calls[0]!.arguments as unknown[];
  assert.deepEqual(more, []);
  assert.match(text as string, /^codat-errors: 500 POST \/invoices\/7 correlationId=req-1\n/);
  return (text as string).slice((text as string).indexOf('\n') + 1);
}

describe('printFailure', () => {
  it("prints an error's stack after the line with status, method, path and id", (t) => {
    const error = new Error('db down');
    assert.equal(printed(t, error), error.stack);
  });

  it('prints an error without a stack as its text, and one whose getters throw as a fixed line', (t) => {
    const stackless = new TypeError('no stack');
    Object.defineProperty(stackless, 'stack', { value: undefined });
    assert.equal(printed(t, stackless), 'TypeError: no stack');
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'stack', {
      get() {
        throw new Error('getter');
      },
    });
    assert.equal(printed(t, hostile), 'An error was thrown that cannot be printed (a getter of it throws)');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    assert.equal(printed(t, proxy), 'An error was thrown that cannot be printed (a getter of it throws)');
  });

  it('prints a thrown non-error with its value, as JSON where it has one', (t) => {
    for (const [value, text] of [
      ['disk full', '"disk full"'],
      [{ code: 42 }, '{"code":42}'],
      [null, 'null'],
      [undefined, 'undefined'],
      [7, '7'],
      [12n, '12n'],
      [Symbol('boom'), 'Symbol(boom)'],
      [{ big: 1n }, '[object Object]'],
    ] as const) {
      assert.equal(printed(t, value), `A non-error value was thrown: ${text}`);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(printed(t, cyclic), 'A non-error value was thrown: [object Object]');
  });

  it('caps the value of a thrown non-error, cutting at a code point', (t) => {
    const text = printed(t, `${'x'.repeat(printedValueLength - 2)}🌍🌍`);
    assert.equal(text, `A non-error value was thrown: "${'x'.repeat(printedValueLength - 2)}…`);
    assert.equal(printed(t, 'y'.repeat(5000)), `A non-error value was thrown: "${'y'.repeat(printedValueLength - 1)}…`);
  });
});
