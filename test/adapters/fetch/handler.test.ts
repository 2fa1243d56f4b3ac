// What only withCodatErrors has: the handler's own arguments passed through, a returned error status
// without a body answered with the envelope and its headers kept, a response whose headers cannot change
// rebuilt around its body stream (not read), the id of a request without async context, and its set-up errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getCorrelationId, NotFound, withCodatErrors } from 'codat-errors/fetch';
import { envelopeText } from '../../support/envelope-text.ts';
import { idPattern } from '../../support/ids.ts';
import { recordingLogger } from '../../support/logger.ts';
import { request } from '../../support/serve.ts';
import { serveFetch } from '../../support/web-app.ts';

describe('fetch: what the handler returns', async () => {
  const { entries, logger } = recordingLogger();
  const upstream = await serveFetch({
    'GET /file': () => new Response('streamed bytes', { headers: { etag: '"v1"' } }),
  });
  const { url } = await serveFetch(
    {
      'GET /forbidden': () =>
        new Response(null, {
          status: 403,
          headers: { 'set-cookie': 'a=1', 'access-control-allow-origin': '*', etag: '"stale"', 'content-length': '0' },
        }),
      'GET /proxied': () => fetch(`${upstream.url}/file`),
      'GET /redirect': () => Response.redirect('https://example.com/', 307),
      'GET /empty-ok': () => new Response(null, { status: 204 }),
      'GET /not-a-response': () => ({ ok: true }) as unknown as Response,
    },
    { logger },
  );

  it('an error status without a body is the envelope, its headers kept but those of a body', async () => {
    const reply = await request(`${url}/forbidden`, { headers: { 'x-correlation-id': 'f-403' } });
    assert.equal(reply.status, 403);
    assert.equal(reply.text, envelopeText({ statusCode: 403, service: 'PublicApi', error: 'Forbidden' }, 'f-403'));
    assert.equal(reply.headers.get('set-cookie'), 'a=1');
    assert.equal(reply.headers.get('access-control-allow-origin'), '*');
    assert.equal(reply.headers.get('etag'), null);
    assert.equal(reply.headers.get('content-length'), String(reply.text.length));
    assert.deepEqual(
      entries.map((entry) => [entry.level, entry.message, entry.details.statusCode]),
      [['warn', 'Forbidden', 403]],
    );
  });

  it('a response of fetch(), whose headers cannot change, is passed on with the id, its body streamed', async () => {
    const reply = await request(`${url}/proxied`, { headers: { 'x-correlation-id': 'f-proxy' } });
    assert.equal(reply.status, 200);
    assert.equal(reply.text, 'streamed bytes');
    assert.equal(reply.headers.get('etag'), '"v1"');
    assert.equal(reply.headers.get('x-correlation-id'), 'f-proxy');
  });

  it('Response.redirect() (immutable headers) keeps its status and location', async () => {
    const reply = await request(`${url}/redirect`, { redirect: 'manual' });
    assert.equal(reply.status, 307);
    assert.equal(reply.headers.get('location'), 'https://example.com/');
    assert.match(reply.headers.get('x-correlation-id') ?? '', idPattern);
  });

  it('a success without a body stays as it is', async () => {
    const reply = await request(`${url}/empty-ok`);
    assert.equal(reply.status, 204);
    assert.match(reply.headers.get('x-correlation-id') ?? '', idPattern);
  });

  it('a handler that returns no Response is a 500 saying so to the logger, not to the client', async () => {
    entries.length = 0;
    const reply = await request(`${url}/not-a-response`, { headers: { 'x-correlation-id': 'f-500' } });
    assert.equal(reply.status, 500);
    assert.equal(
      reply.text,
      envelopeText({ statusCode: 500, service: 'PublicApi', error: 'Internal Server Error' }, 'f-500'),
    );
    assert.equal(entries.length, 1);
    assert.equal(
      (entries[0]!.details.err as Error).message,
      'codat-errors: the fetch handler returned an object, not a Response',
    );
  });
});

describe('fetch: the handler keeps its signature', () => {
  it("passes the extra arguments (a Worker's env and ctx) through, and returns a promise of the response", async () => {
    const env = { SECRET: 'x' };
    const ctx = { waitUntil() {} };
    const handler = withCodatErrors(async (_request: Request, givenEnv: typeof env, givenCtx: typeof ctx) => {
      assert.equal(givenEnv, env);
      assert.equal(givenCtx, ctx);
      return new Response('ok');
    });
    const response = await handler(new Request('http://worker.test/'), env, ctx);
    assert.equal(await response.text(), 'ok');
  });

  it('getCorrelationId(request) is the id chosen for that request, without async context', async () => {
    let seen: string | undefined;
    const handler = withCodatErrors((request: Request) => {
      seen = getCorrelationId(request);
      throw new NotFound('nope');
    });
    const response = await handler(new Request('http://worker.test/', { headers: { 'x-correlation-id': 'req-id' } }));
    assert.equal(seen, 'req-id');
    assert.equal(response.headers.get('x-correlation-id'), 'req-id');
    assert.equal(getCorrelationId(new Request('http://worker.test/')), undefined);
    assert.equal(getCorrelationId(), undefined);
  });

  it('getCorrelationId() without a request works with asyncContext: true, as on Node', async () => {
    const handler = withCodatErrors(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return new Response(getCorrelationId());
      },
      { asyncContext: true },
    );
    const response = await handler(new Request('http://worker.test/', { headers: { 'x-correlation-id': 'ctx-id' } }));
    assert.equal(await response.text(), 'ctx-id');
  });

  it('prints a 5xx once with its id when the app has no logger', async () => {
    const printed: string[] = [];
    const consoleError = console.error;
    console.error = (line: string) => printed.push(line);
    try {
      const handler = withCodatErrors(() => {
        throw new Error('db down');
      });
      const response = await handler(
        new Request('http://worker.test/invoices?key=secret', { headers: { 'x-correlation-id': 'p-1' } }),
      );
      assert.equal(response.status, 500);
    } finally {
      console.error = consoleError;
    }
    assert.equal(printed.length, 1);
    assert.match(printed[0]!, /^codat-errors: 500 GET \/invoices correlationId=p-1\nError: db down\n {4}at /);
  });
});

describe('fetch: set-up errors say what to fix', () => {
  for (const [name, call, message] of [
    [
      'no handler',
      () => withCodatErrors(undefined as never),
      /takes the fetch handler first, a function \(request\) => Response; got nothing/,
    ],
    [
      'the options first',
      () => withCodatErrors({ service: 'PublicApi' } as never),
      /takes the fetch handler first.*got an object/,
    ],
    ['an invalid option', () => withCodatErrors(() => new Response(), { service: '' }), /option "service" must be/],
    [
      'options that are no object',
      () => withCodatErrors(() => new Response(), 'x' as never),
      /options must be an object/,
    ],
  ] as const) {
    it(name, () => assert.throws(call, message));
  }
});
