// The request's life around an error: a client gone before the error is handled, an unread request
// body on a keep-alive connection. One log line each, no second write, no crash.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { recordFaults } from '../support/faults.ts';
import { frameworks, type Framework } from '../support/frameworks.ts';
import { recordingLogger } from '../support/logger.ts';
import { rawExchange } from '../support/raw-http.ts';

const faults = recordFaults(['uncaughtException', 'unhandledRejection', 'warning']);

/** `/late` throws once `release` resolves; `/upload` throws without reading the body; `/ok` answers. */
async function serveRoutes(framework: Framework, release: Promise<void>, entered: () => void) {
  const { entries, logger } = recordingLogger();
  const { url } = await framework.serve(
    {
      'GET /late': async () => {
        entered();
        await release;
        throw new Error('late');
      },
      'POST /upload': () => {
        throw new Error('not read');
      },
      'GET /ok': () => 'ok',
    },
    { options: { logger } },
  );
  return { url, messages: () => entries.map((entry) => entry.message) };
}

for (const framework of frameworks) {
  describe(`${framework.name}: the request's life around an error`, () => {
    it('a client that aborts before the error is handled: one log line, no write, no fault', async () => {
      let release!: () => void;
      let entered!: () => void;
      const inHandler = new Promise<void>((resolve) => {
        entered = resolve;
      });
      const { url, messages } = await serveRoutes(
        framework,
        new Promise((resolve) => {
          release = resolve;
        }),
        entered,
      );
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      socket.write('GET /late HTTP/1.1\r\nHost: x\r\n\r\n');
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk;
      });
      await inHandler;
      socket.destroy();
      await once(socket, 'close');
      await new Promise((resolve) => setTimeout(resolve, 20));
      release();
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(received, '');
      assert.deepEqual(messages(), ['Internal Server Error']);
      assert.deepEqual(faults, []);
    });

    it('an error before the request body is read keeps the keep-alive connection answering', async () => {
      const { url, messages } = await serveRoutes(framework, Promise.resolve(), () => {});
      const body = 'x'.repeat(64 * 1024);
      const text = await rawExchange(
        url,
        `POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
          'GET /ok HTTP/1.1\r\nHost: x\r\n\r\n',
        (received) => received.endsWith('\r\n\r\n"ok"'),
      );
      const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => match[1]);
      assert.deepEqual(statuses, ['500', '200']);
      assert.match(text, /"error":"Internal Server Error"/);
      assert.ok(text.endsWith('"ok"'));
      assert.deepEqual(messages(), ['Internal Server Error']);
      assert.deepEqual(faults, []);
    });
  });
}
