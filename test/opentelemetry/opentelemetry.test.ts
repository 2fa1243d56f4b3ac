import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncHooksContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import Router from '@koa/router';
import express from 'express';
import Koa from 'koa';
import { codatErrors, NotFound, ServiceUnavailable } from 'codat-errors';
import { codatErrors as expressErrors } from 'codat-errors/express';
import { recordErrorOnSpan } from 'codat-errors/opentelemetry';
import { request, serve } from '../support/serve.ts';

const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
context.setGlobalContextManager(new AsyncHooksContextManager().enable());
const tracer = trace.getTracer('test');

const routes: Record<string, () => unknown> = {
  '/invoice': async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    throw new NotFound('Invoice not found', { exception: 'InvoicePdfNotFoundException' });
  },
  '/maintenance': () => {
    throw new ServiceUnavailable('Down for maintenance');
  },
  '/crash': () => {
    throw new TypeError('Cannot read properties of undefined');
  },
  '/text': () => {
    throw 'just text';
  },
  '/ok': () => 'ok',
};

const koaApp = new Koa();
koaApp.silent = true;
// What an HTTP instrumentation does: a server span active for the whole request.
koaApp.use((ctx, next) =>
  tracer.startActiveSpan(`${ctx.method} ${ctx.path}`, async (span) => {
    try {
      await next();
    } finally {
      span.end();
    }
  }),
);
koaApp.use(codatErrors({ onError: recordErrorOnSpan }));
const router = new Router();
for (const [path, handler] of Object.entries(routes))
  router.get(path, async (ctx) => {
    ctx.body = await handler();
  });
koaApp.use(router.routes());

const expressApp = express();
expressApp.set('env', 'test');
expressApp.use((req, res, next) =>
  tracer.startActiveSpan(`${req.method} ${req.path}`, (span) => {
    res.on('finish', () => span.end());
    next();
  }),
);
const errors = expressErrors({ onError: recordErrorOnSpan });
expressApp.use(errors.correlation);
for (const [path, handler] of Object.entries(routes))
  expressApp.get(path, async (_req, res) => {
    res.send(await handler());
  });
expressApp.use(errors.notFound);
expressApp.use(errors.handler);

const services = { Koa: (await serve(koaApp.callback())).url, Express: (await serve(expressApp)).url };

for (const [framework, url] of Object.entries(services)) {
  async function spanOf(path: string, id: string) {
    const reply = await request(`${url}${path}`, { headers: { 'x-correlation-id': id } });
    const [span, ...others] = exporter.getFinishedSpans();
    assert.equal(others.length, 0);
    return { reply, span: span! };
  }

  describe(`recordErrorOnSpan on ${framework}`, () => {
    beforeEach(() => exporter.reset());

    it('records a 4xx on the active span, leaving its status unset', async () => {
      const { reply, span } = await spanOf('/invoice', 'otel-404');
      assert.equal(reply.status, 404);
      assert.equal(span.status.code, SpanStatusCode.UNSET);
      assert.deepEqual(span.attributes, {
        'error.type': 'InvoicePdfNotFoundException',
        'http.response.status_code': 404,
        'codat.correlation_id': 'otel-404',
      });
      assert.deepEqual(
        span.events.map((e) => [e.name, e.attributes?.['exception.type'], e.attributes?.['exception.message']]),
        [['exception', 'NotFound', 'Invoice not found']],
      );
    });

    it('sets status ERROR for a 5xx and records what the client does not see', async () => {
      for (const [path, type, name, message] of [
        ['/maintenance', 'ServiceUnavailable', 'ServiceUnavailable', 'Down for maintenance'],
        ['/crash', 'TypeError', 'TypeError', 'Cannot read properties of undefined'],
        ['/text', '500', 'Error', 'A non-error value was thrown'],
      ] as const) {
        exporter.reset();
        const { reply, span } = await spanOf(path, 'otel-5xx');
        const status = path === '/maintenance' ? 503 : 500;
        assert.equal(reply.status, status);
        assert.equal(reply.text.includes(message), false);
        assert.equal(span.status.code, SpanStatusCode.ERROR, path);
        assert.deepEqual(span.attributes, {
          'error.type': type,
          'http.response.status_code': status,
          'codat.correlation_id': 'otel-5xx',
        });
        assert.deepEqual(
          span.events.map((e) => [e.name, e.attributes?.['exception.type'], e.attributes?.['exception.message']]),
          [['exception', name, message]],
        );
      }
    });

    it('records an unmatched route by its status, with no exception', async () => {
      const { reply, span } = await spanOf('/nowhere', 'otel-none');
      assert.equal(reply.status, 404);
      assert.deepEqual(span.attributes, {
        'error.type': '404',
        'http.response.status_code': 404,
        'codat.correlation_id': 'otel-none',
      });
      assert.deepEqual(span.events, []);
    });

    it('leaves a success alone', async () => {
      const { reply, span } = await spanOf('/ok', 'otel-ok');
      assert.equal(reply.text, 'ok');
      assert.deepEqual(span.attributes, {});
      assert.equal(span.status.code, SpanStatusCode.UNSET);
    });
  });
}

describe('recordErrorOnSpan outside any span', () => {
  it('does nothing', () => {
    assert.equal(recordErrorOnSpan({ correlationId: 'c', statusCode: 500, method: 'GET', path: '/' }), undefined);
  });
});
