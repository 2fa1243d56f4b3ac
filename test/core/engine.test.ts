// The seam every adapter calls, without any framework: what it answers and what it reports.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFound } from 'codat-errors';
import { createEngine } from '../../dist/core/engine.js';

const request = { method: 'GET', path: '/invoices/1' };
const json = ['content-type', 'application/json; charset=utf-8'];
const nosniff = ['x-content-type-options', 'nosniff'];

describe('the engine', () => {
  it('turns a failure into the status, headers and envelope bytes, and reports it with the thrown value', () => {
    const reports: unknown[] = [];
    const engine = createEngine({ service: 'Billing', onError: (report) => reports.push(report) });
    const thrown = new NotFound('No such invoice');
    const response = engine.failure(thrown, request, 'id-1');
    assert.deepEqual(response, {
      status: 404,
      headers: [json, nosniff],
      body: '{"statusCode":404,"service":"Billing","error":"No such invoice","correlationId":"id-1"}',
    });
    assert.deepEqual(reports, [
      { err: thrown, correlationId: 'id-1', statusCode: 404, method: 'GET', path: '/invoices/1' },
    ]);
  });

  it('turns a bodiless error status into its envelope, reported without err', () => {
    const reports: unknown[] = [];
    const engine = createEngine({ onError: (report) => reports.push(report) });
    assert.equal(
      engine.errorStatus(403, request, 'id-2').body,
      '{"statusCode":403,"service":"PublicApi","error":"Forbidden","correlationId":"id-2"}',
    );
    assert.deepEqual(reports, [{ correlationId: 'id-2', statusCode: 403, method: 'GET', path: '/invoices/1' }]);
  });

  it('answers a bodiless status outside 400–599 (Koa allows up to 999) as a 500', () => {
    const response = createEngine(undefined).errorStatus(600, request, 'id-3');
    assert.equal(response.status, 500);
    assert.equal(
      response.body,
      '{"statusCode":500,"service":"PublicApi","error":"Internal Server Error","correlationId":"id-3"}',
    );
  });

  it("picks the id from the headers by the options' policy", () => {
    const engine = createEngine({ correlationHeader: 'Request-Id' });
    assert.equal(engine.correlationHeader, 'request-id');
    assert.equal(engine.correlate({ 'request-id': 'abc' }), 'abc');
    assert.match(engine.correlate({ 'request-id': 'not valid!' }), /^[A-Za-z0-9_-]{21}$/);
  });

  it("runs the rest in the async context only when asked, through the runtime's runner", () => {
    const runs: string[] = [];
    const runner = <T>(id: string, rest: () => T, header: string): T => {
      runs.push(`${id} in ${header}`);
      return rest();
    };
    assert.equal(createEngine(undefined, runner).runInContext, undefined);
    const engine = createEngine({ asyncContext: true }, runner);
    assert.equal(
      engine.runInContext!('id-4', () => 'done'),
      'done',
    );
    assert.deepEqual(runs, ['id-4 in x-correlation-id']);
  });

  it('refuses asyncContext at start-up on a runtime that gives no async context', () => {
    assert.throws(() => createEngine({ asyncContext: true }), {
      name: 'TypeError',
      message:
        'codat-errors: option "asyncContext" needs AsyncLocalStorage, which this runtime does not have; drop the option',
    });
  });
});
