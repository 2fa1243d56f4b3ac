// Koa stream bodies that fail, and handlers that write the response themselves before they throw:
// a whole response still to write gets the envelope, a started one is cut.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { envelopeText } from '../../support/envelope-text.ts';
import { koaMajors, serveKoa, serveKoaRecording, type KoaApp } from '../../support/koa-app.ts';
import { recordingLogger } from '../../support/logger.ts';
import { rawExchange } from '../../support/raw-http.ts';
import { request } from '../../support/serve.ts';

function routes(app: KoaApp) {
  app.use(async (ctx) => {
    switch (ctx.path) {
      case '/stream-fails-early': {
        ctx.type = 'text/csv';
        ctx.body = new Readable({
          read() {
            this.destroy(new Error('disk gone'));
          },
        });
        return;
      }
      case '/stream-fails-late': {
        let sent = false;
        ctx.body = new Readable({
          read() {
            if (sent) setTimeout(() => this.destroy(new Error('disk gone mid-way')), 20);
            else {
              sent = true;
              this.push('a,b,c\n');
            }
          },
        });
        return;
      }
      case '/headers-then-throw': {
        ctx.res.writeHead(200, { 'content-type': 'text/plain' });
        ctx.res.write('partial');
        throw new Error('after headers');
      }
      default:
        ctx.body = 'ok';
    }
  });
}

/** Everything that arrives for `GET path` until the server closes the connection. */
const rawGet = (url: string, path: string) => rawExchange(url, `GET ${path} HTTP/1.1\r\nhost: x\r\n\r\n`);

for (const [koaName, Koa] of koaMajors) {
  describe(`${koaName}: errors around streams and sent headers`, () => {
    it('answers the envelope when a stream body fails before headers are sent', async () => {
      const { url, emitted } = await serveKoaRecording(Koa, routes);
      const reply = await request(`${url}/stream-fails-early`);
      assert.equal(reply.status, 500);
      assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(
        reply.text,
        JSON.stringify({
          statusCode: 500,
          service: 'PublicApi',
          error: 'Internal Server Error',
          correlationId: reply.headers.get('x-correlation-id'),
        }),
      );
      assert.equal(emitted.length, 1);
      assert.equal(emitted[0]!.error.message, 'disk gone');
    });

    it('closes the connection, writes nothing more and emits once when a stream fails after headers', async () => {
      const { url, emitted } = await serveKoaRecording(Koa, routes);
      const raw = await rawGet(url, '/stream-fails-late');
      assert.match(raw, /^HTTP\/1\.1 200 OK/);
      assert.ok(raw.includes('a,b,c'));
      assert.ok(!raw.includes('statusCode'), 'no envelope appended');
      assert.equal(emitted.length, 1);
      assert.equal((await request(`${url}/ok`)).status, 200, 'the server still answers');
    });

    it('closes the connection when a handler throws after writing headers itself', async () => {
      const { entries, logger } = recordingLogger();
      const { url, emitted } = await serveKoaRecording(Koa, routes, { logger });
      const raw = await rawGet(url, '/headers-then-throw');
      // Whatever of the started response reached the socket, no error status or envelope follows it.
      assert.doesNotMatch(raw, /HTTP\/1\.1 500|statusCode/);
      assert.equal(emitted.length, 1);
      assert.equal(entries.length, 1);
      assert.equal((await request(`${url}/ok`)).text, 'ok');
    });
  });

  describe(`${koaName}: a stream body before its first chunk`, () => {
    for (const [name, body] of [
      ['already failed', () => Readable.from([]).destroy(new Error('disk gone'))],
      ['destroyed without an error', () => new Readable({ read() {} }).destroy()],
      [
        'destroyed while waiting for its first chunk',
        () => {
          const stream = new Readable({ read() {} });
          setImmediate(() => stream.destroy());
          return stream;
        },
      ],
    ] as const) {
      it(`a stream body ${name} becomes the 500 envelope`, async () => {
        const { url } = await serveKoa(Koa, (app) =>
          app.use((ctx) => {
            ctx.body = body();
          }),
        );
        const reply = await request(url);
        assert.equal(reply.status, 500);
        assert.equal(
          reply.text,
          envelopeText(
            { statusCode: 500, service: 'PublicApi', error: 'Internal Server Error' },
            reply.headers.get('x-correlation-id')!,
          ),
        );
      });
    }

    it('a stream body with data ready is sent', async () => {
      const { url } = await serveKoa(Koa, (app) =>
        app.use((ctx) => {
          const stream = new Readable({ read() {} });
          stream.push('ready');
          stream.push(null);
          ctx.body = stream;
        }),
      );
      const reply = await request(url);
      assert.equal(reply.status, 200);
      assert.equal(reply.text, 'ready');
    });
  });
}
