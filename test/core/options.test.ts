// The options of codat-errors: each invalid one refused at start-up, and every valid one, all given at
// once, seen to act over HTTP on every framework of the registry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadRequest, codatErrors, getCorrelationId, type CodatErrorsOptions, type ErrorReport } from 'codat-errors';
import { frameworks, type Routes } from '../support/frameworks.ts';
import { recordingLogger } from '../support/logger.ts';
import { request } from '../support/serve.ts';

describe('invalid options throw at start-up, saying what to pass', () => {
  const wrong: Array<[unknown, RegExp]> = [
    [{ service: '' }, /option "service" must be a non-empty string such as "PublicApi", got ""/],
    [{ service: 42 }, /option "service" must be a non-empty string.*got 42/],
    [{ service: [] }, /option "service" must be a non-empty string such as "PublicApi", got an array/],
    [
      { correlationHeader: 'x correlation' },
      /option "correlationHeader" must be a header name such as "x-correlation-id", or a non-empty list of them such as \["x-correlation-id", "x-request-id"\], got "x correlation"/,
    ],
    [{ generateId: 'nanoid' }, /option "generateId" must be a function that returns a new id, got "nanoid"/],
    [{ trustIncomingId: 'yes' }, /option "trustIncomingId" must be true or false, got "yes"/],
    [
      { logger: console.log },
      /option "logger" must be a logger with warn\(obj, msg\) and error\(obj, msg\) methods, such as a pino instance, got a function/,
    ],
    [{ logger: { warn() {} } }, /option "logger" must be a logger.*got an object/],
    [
      { servce: 'PublicApi' },
      /unknown option "servce"; the options are service, correlationHeader, generateId, trustIncomingId, logger, limits/,
    ],
    [
      { limits: { items: 0 } },
      /option "limits" must be an object of positive integers: \{ errorLength, fieldLength, items \}, got an object/,
    ],
    [{ limits: { errorLength: 1.5 } }, /option "limits" must be an object of positive integers/],
    [{ limits: { maxItems: 5 } }, /option "limits" must be an object of positive integers/],
    [{ limits: 100 }, /option "limits" must be an object of positive integers.*got 100/],
    ['PublicApi', /options must be an object/],
    [null, /options must be an object/],
  ];
  for (const [options, message] of wrong) {
    it(`rejects ${JSON.stringify(options)}`, () => {
      assert.throws(
        () => codatErrors(options as never),
        (error: Error) => error instanceof TypeError && message.test(error.message),
      );
    });
  }

  it('accepts no options and undefined values', () => {
    assert.equal(typeof codatErrors(), 'function');
    assert.equal(typeof codatErrors({ service: undefined }), 'function');
  });
});

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const invalid = () =>
  new BadRequest('Invalid company', {
    validation: {
      errors: [
        { itemId: 'name', message: 'Required' },
        { itemId: 'email', message: 'Invalid' },
      ],
    },
  });
const routes: Routes = {
  'GET /seen': () => getCorrelationId(),
  'POST /companies': () => {
    throw invalid();
  },
};

/** Every option with a valid value other than its default, and what each gets to see. */
function everyOption() {
  let generated = 0;
  const { entries, logger } = recordingLogger();
  const reports: ErrorReport[] = [];
  const options: Required<CodatErrorsOptions> = {
    service: 'Billing',
    correlationHeader: 'Request-Id',
    generateId: () => `gen-${++generated}`,
    // The only value that goes with traceIdAsCorrelationId; false is seen to act below.
    trustIncomingId: true,
    logger,
    limits: { errorLength: 7, fieldLength: 4, items: 1 },
    asyncContext: true,
    traceIdAsCorrelationId: true,
    onError: (report) => {
      reports.push(report);
    },
    codatFields: true,
  };
  return { options, entries, reports };
}

for (const framework of frameworks) {
  describe(`${framework.name}: every valid option at once`, async () => {
    const { options, entries, reports } = everyOption();
    const { url } = await framework.serve(routes, { options });

    it('service, correlationHeader, trustIncomingId, limits and codatFields make the envelope; logger and onError get the error', async () => {
      const reply = await request(`${url}/companies`, { method: 'POST', headers: { 'request-id': 'client-1' } });
      assert.equal(reply.status, 400);
      assert.equal(reply.headers.get('request-id'), 'client-1');
      assert.equal(reply.headers.get('x-correlation-id'), null);
      assert.equal(
        reply.text,
        JSON.stringify({
          statusCode: 400,
          service: 'Billing',
          error: 'Invalid',
          correlationId: 'client-1',
          validation: { errors: [{ itemId: 'name', message: 'Requ' }], warnings: [] },
          canBeRetried: 'Unknown',
          detailedErrorCode: 0,
        }),
      );
      const details = { correlationId: 'client-1', statusCode: 400, method: 'POST', path: '/companies' };
      assert.deepEqual(
        entries.map(({ level, message, details: { err, ...rest } }) => ({
          level,
          message,
          rest,
          err: err instanceof BadRequest,
        })),
        [{ level: 'warn', message: 'Invalid', rest: details, err: true }],
      );
      assert.deepEqual(
        reports.map(({ err, ...rest }) => ({ rest, err: err instanceof BadRequest })),
        [{ rest: details, err: true }],
      );
    });

    it('generateId makes the id of a request that brings none; asyncContext shows it to the handler', async () => {
      const reply = await request(`${url}/seen`);
      assert.equal(reply.headers.get('request-id'), 'gen-1');
      assert.equal(reply.body, 'gen-1');
    });

    it('traceIdAsCorrelationId takes the trace id of traceparent', async () => {
      const reply = await request(`${url}/seen`, { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
      assert.equal(reply.headers.get('request-id'), traceId);
      assert.equal(reply.body, traceId);
    });
  });

  describe(`${framework.name}: every valid option but traceIdAsCorrelationId, with trustIncomingId: false`, async () => {
    const {
      options: { traceIdAsCorrelationId: _, ...options },
    } = everyOption();
    const { url } = await framework.serve(routes, { options: { ...options, trustIncomingId: false } });

    it('trustIncomingId: false answers with a new id, never the incoming one', async () => {
      const reply = await request(`${url}/companies`, { method: 'POST', headers: { 'request-id': 'client-1' } });
      assert.equal(reply.headers.get('request-id'), 'gen-1');
      assert.equal((reply.body as { correlationId: string }).correlationId, 'gen-1');
    });
  });
}
