// One correlation id across two services on 127.0.0.1, and the outgoing-call helpers that carry it.
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import Koa from 'koa';
import pino from 'pino';
import { Agent, getGlobalDispatcher, request as undiciRequest, setGlobalDispatcher } from 'undici';
import {
  correlatedFetch,
  correlationInterceptor,
  correlationMixin,
  DownstreamError,
  isErrorEnvelope,
  NotFound,
  runWithCorrelationId,
  withCorrelation,
} from 'codat-errors';
import { anyFramework, frameworks } from '../support/frameworks.ts';
import { idPattern } from '../support/ids.ts';
import { serveKoa } from '../support/koa-app.ts';
import { request, serve } from '../support/serve.ts';

/** A real pino logger with the one-line integration, writing JSON lines to memory. */
function memoryLogger() {
  const lines: string[] = [];
  const logger = pino(
    { mixin: correlationMixin },
    {
      write: (line: string) => {
        lines.push(line);
      },
    },
  );
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const logB = memoryLogger();
const logA = memoryLogger();
/** What B answered A, as bytes, and the correlation header B received. */
const seenByA: string[] = [];
const headersSeenByB: Array<string | undefined> = [];

// Service B: a downstream service whose handler throws a domain error.
const b = await serveKoa(
  Koa,
  (_app, router) => {
    router.get('/invoices/:id/pdf', (ctx) => {
      headersSeenByB.push(ctx.get('x-correlation-id') || undefined);
      logB.logger.info({ invoice: ctx.params.id }, 'looking up invoice');
      throw new NotFound(`Invoice not found for invoice ID ${ctx.params.id}`, {
        exception: 'InvoicePdfNotFoundException',
      });
    });
  },
  { service: 'QuickBooksOnline', logger: logB.logger, asyncContext: true },
);

const interceptingAgent = new Agent().compose(correlationInterceptor());
/** The ways A calls B; none passes the id by hand. */
const calls: Record<string, (url: string) => Promise<string>> = {
  correlatedFetch: async (url) => (await correlatedFetch(url)).text(),
  'undici request with an intercepting dispatcher': async (url) =>
    (await undiciRequest(url, { dispatcher: interceptingAgent })).body.text(),
  'global fetch with a global intercepting dispatcher': async (url) => (await fetch(url)).text(),
};

/** Service A's handler, the same in every framework: calls B and re-throws B's error as B's. */
async function callB(call: string, id: string): Promise<unknown> {
  logA.logger.info('calling QuickBooksOnline');
  const text = await calls[call]!(`${b.url}/invoices/${id}/pdf`);
  seenByA.push(text);
  const body: unknown = JSON.parse(text);
  if (isErrorEnvelope(body)) throw new DownstreamError(body);
  return body;
}

// Service A, the public API, on every framework of the registry.
const servicesA = await Promise.all(
  frameworks.map(
    async (framework) =>
      [
        framework.name,
        (
          await framework.serve(
            {
              'GET /via/:call/invoices/:id/pdf': ({ params }) => callB(params.call!, params.id!),
            },
            { options: { service: 'PublicApi', logger: logA.logger, asyncContext: true } },
          )
        ).url,
      ] as const,
  ),
);

const previousDispatcher = getGlobalDispatcher();
setGlobalDispatcher(new Agent().compose(correlationInterceptor()));
after(() => setGlobalDispatcher(previousDispatcher));

const envelopeFromB = (id: string) =>
  JSON.stringify({
    statusCode: 404,
    service: 'QuickBooksOnline',
    error: 'InvoicePdfNotFoundException: Invoice not found for invoice ID 12345',
    correlationId: id,
  });

describe('two services on 127.0.0.1: one id from the client to B and back', () => {
  beforeEach(() => {
    for (const list of [logA.lines, logB.lines, seenByA, headersSeenByB]) list.length = 0;
  });

  for (const [framework, urlA] of servicesA)
    for (const call of Object.keys(calls)) {
      for (const incoming of ['client-7f3a', undefined]) {
        it(`A on ${framework}, ${call}, ${incoming ? "with the client's id" : 'with an id A generates'}`, async () => {
          const reply = await request(`${urlA}/via/${encodeURIComponent(call)}/invoices/12345/pdf`, {
            headers: incoming ? { 'x-correlation-id': incoming } : {},
          });
          const id = reply.headers.get('x-correlation-id')!;
          assert.match(id, incoming === undefined ? idPattern : new RegExp(`^${incoming}$`));

          // A's answer is B's error, B's service kept, with the one id.
          assert.equal(reply.status, 404);
          assert.equal(reply.text, envelopeFromB(id));
          // What B answered A, byte for byte.
          assert.deepEqual(seenByA, [envelopeFromB(id)]);
          assert.deepEqual(headersSeenByB, [id]);

          // B's lines: the handler's own and the middleware's warning.
          assert.deepEqual(
            logB.records().map(({ level, msg, correlationId }) => ({ level, msg, correlationId })),
            [
              { level: 30, msg: 'looking up invoice', correlationId: id },
              {
                level: 40,
                msg: 'InvoicePdfNotFoundException: Invoice not found for invoice ID 12345',
                correlationId: id,
              },
            ],
          );
          // A's lines: before the call, and the middleware's warning for the re-thrown error.
          assert.deepEqual(
            logA.records().map(({ level, msg, correlationId }) => ({ level, msg, correlationId })),
            [
              { level: 30, msg: 'calling QuickBooksOnline', correlationId: id },
              {
                level: 40,
                msg: 'InvoicePdfNotFoundException: Invoice not found for invoice ID 12345',
                correlationId: id,
              },
            ],
          );
        });
      }
    }
});

describe('outgoing calls', async () => {
  /** Answers with the two correlation headers it received. */
  const echo = await serve((req, res) => {
    res.end(
      JSON.stringify([
        req.headers['x-correlation-id'] ?? null,
        req.headers['request-id'] ?? null,
        req.headers.accept ?? null,
      ]),
    );
  });
  const viaFetch = async (init?: RequestInit) =>
    JSON.parse(await (await correlatedFetch(echo.url, init)).text()) as unknown;
  const viaUndici = async (headers?: unknown) =>
    JSON.parse(
      await (await undiciRequest(echo.url, { dispatcher: interceptingAgent, headers: headers as never })).body.text(),
    ) as unknown;

  it('carry the id in the header it came in', async () => {
    const { url } = await anyFramework.serve(
      { '/': async () => [await viaFetch(), await viaUndici()] },
      { options: { correlationHeader: 'Request-Id', asyncContext: true } },
    );
    const reply = await request(url, { headers: { 'request-id': 'rid-1' } });
    assert.deepEqual(reply.body, [
      [null, 'rid-1', '*/*'],
      [null, 'rid-1', null],
    ]);
  });

  it('add the id to every header shape undici takes, keeping the others', async () => {
    const shapes = [undefined, { accept: 'text/csv' }, ['accept', 'text/csv'], new Map([['accept', 'text/csv']])];
    const seen = await runWithCorrelationId('shape-1', () => Promise.all(shapes.map(viaUndici)));
    assert.deepEqual(seen, [
      ['shape-1', null, null],
      ['shape-1', null, 'text/csv'],
      ['shape-1', null, 'text/csv'],
      ['shape-1', null, 'text/csv'],
    ]);
  });

  it('keep a correlation header the caller sets, whatever its case or shape', async () => {
    const shapes = [
      { 'X-Correlation-Id': 'by-hand' },
      ['X-Correlation-Id', 'by-hand'],
      new Map([['x-correlation-id', 'by-hand']]),
    ];
    const seen = await runWithCorrelationId('ignored', () =>
      Promise.all([
        ...shapes.map(viaUndici),
        viaFetch({ headers: { 'X-Correlation-Id': 'by-hand' } }),
        withCorrelation(fetch)(new Request(echo.url, { headers: { 'x-correlation-id': 'by-hand' } })).then((r) =>
          r.json(),
        ),
      ]),
    );
    assert.deepEqual(seen, [
      ['by-hand', null, null],
      ['by-hand', null, null],
      ['by-hand', null, null],
      ['by-hand', null, '*/*'],
      ['by-hand', null, '*/*'],
    ]);
  });

  it('keep the headers of a Request given to the fetch wrapper', async () => {
    const reply = await runWithCorrelationId('req-1', () =>
      withCorrelation(fetch)(new Request(echo.url, { headers: { accept: 'text/csv' } })),
    );
    assert.deepEqual(await reply.json(), ['req-1', null, 'text/csv']);
  });

  it('go out unchanged outside a request', async () => {
    assert.deepEqual(await viaFetch(), [null, null, '*/*']);
    assert.deepEqual(await viaUndici(), [null, null, null]);
  });
});
