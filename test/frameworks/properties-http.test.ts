// The core's properties again through real HTTP, on every framework of the registry in each way its
// handlers fail, in the framework's default (printing) set-up: whatever a handler throws, the client
// gets exactly the core's envelope, with its id in the header, the console gets exactly what the
// framework prints of a 5xx, and the process sees no uncaught exception and no unhandled rejection.
import assert from 'node:assert/strict';
import { Agent, get } from 'node:http';
import { format, types } from 'node:util';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { toEnvelope } from 'codat-errors';
import { recordFaults } from '../support/faults.ts';
import { frameworks } from '../support/frameworks.ts';
import { parameters, runs, thrownValue } from '../support/hostile.ts';
import { idPattern } from '../support/ids.ts';

const numRuns = runs(150);
const pending = new Map<number, unknown>();
let next = 0;

// node:http rather than fetch, which refuses a 407 answer (Proxy Authentication Required) outright.
const agent = new Agent({ keepAlive: true });
after(() => agent.destroy());
function request(url: string): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let text = '';
      res
        .setEncoding('utf8')
        .on('data', (chunk: string) => {
          text += chunk;
        })
        .on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    }).on('error', reject);
  });
}

const faults = recordFaults();
const printed: string[] = [];
const consoleError = console.error;
// Koa's and Express's own printing of 5xx: formatted as the console would, kept out of the test output.
before(() => {
  console.error = (...args: unknown[]) => {
    printed.push(format(...args));
  };
});
after(() => {
  console.error = consoleError;
});

// What a 5xx prints, written apart from the package: one line naming the request and its id, then
// the stack of the error the framework hands on (Express 5 swaps a falsy rejection for an Error of its
// own; Hono's `instanceof Error` test throws a TypeError of its own for a revoked Proxy), or the thrown value when it is no error, or a fixed line when a getter of it throws.
function isError(value: unknown): boolean {
  try {
    return types.isNativeError(value) || value instanceof Error;
  } catch {
    return false;
  }
}

const unprintable = (head: string) => `${head}\nAn error was thrown that cannot be printed (a getter of it throws)`;

/** Whether a value has a text, as JSON or as a string: a Proxy whose traps throw has none. */
function canBeText(value: unknown): boolean {
  try {
    if (typeof JSON.stringify(value) === 'string') return true;
  } catch {
    // No JSON: its string form may still do.
  }
  try {
    String(value);
    return true;
  } catch {
    return false;
  }
}

function printedFor(value: unknown, swapped: string | undefined, head: string): Array<string | RegExp> {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const escaped = literal(head);
  if (swapped !== undefined) return [new RegExp(`^${escaped}\\n\\w*Error: ${literal(swapped)}\\n {4}at `)];
  if (!isError(value)) {
    return canBeText(value) ? [new RegExp(`^${escaped}\\nA non-error value was thrown: `)] : [unprintable(head)];
  }
  try {
    const stack = (value as Error).stack;
    return [`${head}\n${typeof stack === 'string' ? stack : String(value)}`];
  } catch {
    return [unprintable(head)];
  }
}

function assertPrinted(lines: string[], expected: Array<string | RegExp>, kind: string): void {
  assert.equal(lines.length, expected.length, `${kind}: ${lines.length} lines printed, ${expected.length} expected`);
  expected.forEach((line, index) => {
    if (typeof line === 'string') assert.equal(lines[index], line, kind);
    else assert.match(lines[index]!, line, kind);
  });
}

describe(`any thrown value over HTTP, ${numRuns} runs per framework`, () => {
  for (const framework of frameworks)
    for (const failure of framework.failures) {
      it(`${framework.name}, ${failure.name}: the response is the core's envelope, with the header's id, and a 5xx is printed once, with its id`, async () => {
        const { url } = await framework.serve(
          {
            'GET /throw/:index': ({ params }) => {
              throw pending.get(Number(params.index));
            },
          },
          { failure, quiet: false },
        );
        let printedErrors = 0;
        await fc.assert(
          fc.asyncProperty(thrownValue, async (thrown) => {
            const index = next++;
            pending.set(index, thrown.value);
            printed.length = 0;
            const reply = await request(`${url}/throw/${index}`);
            pending.delete(index);
            const id = String(reply.headers['x-correlation-id']);
            const passedOn = failure.passesOn(thrown.value);
            const expected = toEnvelope(passedOn ? { status: 404 } : thrown.value, { correlationId: id });
            assert.equal(reply.status, expected.statusCode, thrown.kind);
            assert.equal(reply.text, JSON.stringify(expected), thrown.kind);
            assert.match(id, idPattern);
            assert.equal(reply.headers['x-content-type-options'], 'nosniff');
            // Printed before the response is written: all of it is in by now.
            assertPrinted(
              printed,
              reply.status >= 500
                ? printedFor(
                    thrown.value,
                    failure.swaps?.(thrown.value),
                    `codat-errors: ${reply.status} GET /throw/${index} correlationId=${id}`,
                  )
                : [],
              thrown.kind,
            );
            printedErrors += printed.length;
          }),
          parameters(numRuns),
        );
        assert.deepEqual(faults, []);
        assert.ok(printedErrors > 0, 'no run printed a 5xx: the property never reached the printing');
      });
    }
});
