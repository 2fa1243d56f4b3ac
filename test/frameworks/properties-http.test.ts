// The core's properties again through real HTTP, on Koa 3 and 2 and Express 5 and 4 in their default
// (development) set-up: whatever a handler throws, the client gets exactly the core's envelope, with
// its id in the header, and the process sees no uncaught exception and no unhandled rejection.
import assert from 'node:assert/strict';
import { Agent, get } from 'node:http';
import { format } from 'node:util';
import { after, before, describe, it } from 'node:test';
import Router from '@koa/router';
import express5 from 'express';
import Koa3 from 'koa';
// @ts-expect-error: Koa 2 is installed under an alias and has no types of its own here.
import Koa2 from 'koa2';
import fc from 'fast-check';
import { codatErrors as koaErrors, toEnvelope } from 'codat-errors';
import { codatErrors as expressErrors } from 'codat-errors/express';
import { parameters, runs, thrownValue } from '../support/hostile.ts';
import { serve } from '../support/serve.ts';
import { express4 } from '../support/targets.ts';

const numRuns = runs(150);
const pending = new Map<number, unknown>();
let next = 0;
const fail = (index: string | undefined) => pending.get(Number(index));

// node:http rather than fetch, which refuses a 407 answer (Proxy Authentication Required) outright.
const agent = new Agent({ keepAlive: true });
after(() => agent.destroy());
function request(url: string): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; }).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    }).on('error', reject);
  });
}

const faults: unknown[] = [];
const record = (fault: unknown) => faults.push(fault);
const printed: string[] = [];
const consoleError = console.error;
before(() => {
  process.on('uncaughtException', record).on('unhandledRejection', record);
  // Koa's and Express's own printing of 5xx: formatted as the console would, kept out of the test output.
  console.error = (...args: unknown[]) => { printed.push(format(...args)); };
});
after(() => {
  process.off('uncaughtException', record).off('unhandledRejection', record);
  console.error = consoleError;
});

function koa(Koa: typeof Koa3) {
  return async () => {
    const app = new Koa();
    app.use(koaErrors());
    const router = new Router();
    router.get('/throw/:index', (ctx) => { throw fail(ctx.params.index); });
    app.use(router.routes());
    return (await serve(app.callback())).url;
  };
}

function express(make: typeof express5, style: 'async' | 'next') {
  return async () => {
    const errors = expressErrors();
    const app = make();
    app.use(errors.correlation);
    if (style === 'async') app.get('/throw/:index', async (req) => { throw fail(req.params.index); });
    else app.get('/throw/:index', (req, _res, next) => next(fail(req.params.index)));
    app.use(errors.notFound);
    app.use(errors.handler);
    return (await serve(app)).url;
  };
}

const targets = [
  ['Koa 3', koa(Koa3), false],
  ['Koa 2', koa(Koa2), false],
  // Express 5 turns a falsy rejection into an Error: a 500 like the core's.
  ['Express 5, async handler rejects', express(express5, 'async'), false],
  // next(falsy) is no error to Express: the request goes on to notFound.
  ['Express 4, next(err)', express(express4, 'next'), true],
] as const;

describe(`any thrown value over HTTP, ${numRuns} runs per framework`, () => {
  for (const [name, start, falsyPassesOn] of targets) {
    it(`${name}: the response is the core's envelope, with the header's id`, async () => {
      const url = await start();
      await fc.assert(fc.asyncProperty(thrownValue, async (thrown) => {
        const index = next++;
        pending.set(index, thrown.value);
        const reply = await request(`${url}/throw/${index}`);
        pending.delete(index);
        const id = String(reply.headers['x-correlation-id']);
        const expected = falsyPassesOn && !thrown.value
          ? toEnvelope({ status: 404 }, { correlationId: id })
          : toEnvelope(thrown.value, { correlationId: id });
        assert.equal(reply.status, expected.statusCode, thrown.kind);
        assert.equal(reply.text, JSON.stringify(expected), thrown.kind);
        assert.match(id, /^[A-Za-z0-9_-]{21}$/);
        assert.equal(reply.headers['x-content-type-options'], 'nosniff');
      }), parameters(numRuns));
      assert.deepEqual(faults, []);
    });
  }

  it('printed each 5xx without throwing, as the frameworks do', () => {
    assert.ok(printed.length > 0);
  });
});
