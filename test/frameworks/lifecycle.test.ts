// The request's life around an error: a client gone before the error is handled, an unread request
// body on a keep-alive connection. One log line each, no second write, no crash.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Router from '@koa/router';
import express from 'express';
import Koa from 'koa';
import { codatErrors as koaErrors, type ErrorLogger } from 'codat-errors';
import { codatErrors as expressErrors } from 'codat-errors/express';
import { serve } from '../support/serve.ts';

const faults: unknown[] = [];
const record = (fault: unknown) => faults.push(fault);
before(() => { process.on('uncaughtException', record).on('unhandledRejection', record).on('warning', record); });
after(() => { process.off('uncaughtException', record).off('unhandledRejection', record).off('warning', record); });

function logger(lines: string[]): ErrorLogger {
  return { warn: (_entry, message) => lines.push(message), error: (_entry, message) => lines.push(message) };
}

interface App {
  name: string;
  /** `/late` throws once `release` resolves; `/upload` throws without reading the body; `/ok` answers. */
  start(lines: string[], release: Promise<void>, entered: () => void): Promise<number>;
}

const apps: App[] = [
  {
    name: 'Koa',
    async start(lines, release, entered) {
      const app = new Koa();
      app.silent = true;
      app.use(koaErrors({ logger: logger(lines) }));
      const router = new Router();
      router.get('/late', async () => { entered(); await release; throw new Error('late'); });
      router.post('/upload', () => { throw new Error('not read'); });
      router.get('/ok', (ctx) => { ctx.body = 'ok'; });
      app.use(router.routes());
      return Number(new URL((await serve(app.callback())).url).port);
    },
  },
  {
    name: 'Express',
    async start(lines, release, entered) {
      const errors = expressErrors({ logger: logger(lines) });
      const app = express();
      app.set('env', 'test');
      app.use(errors.correlation);
      app.get('/late', async () => { entered(); await release; throw new Error('late'); });
      app.post('/upload', () => { throw new Error('not read'); });
      app.get('/ok', (_req, res) => { res.send('ok'); });
      app.use(errors.notFound);
      app.use(errors.handler);
      return Number(new URL((await serve(app)).url).port);
    },
  },
];

/** Everything the server writes on one connection, until `done(text)` or the server closes it. */
async function exchange(port: number, raw: string, done: (text: string) => boolean): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  socket.write(raw);
  let text = '';
  socket.setEncoding('latin1').on('data', (chunk: string) => {
    text += chunk;
    if (done(text)) socket.end();
  });
  await once(socket, 'close');
  return text;
}

for (const { name, start } of apps) {
  describe(`${name}: the request's life around an error`, () => {
    it('a client that aborts before the error is handled: one log line, no write, no fault', async () => {
      const lines: string[] = [];
      let release!: () => void;
      let entered!: () => void;
      const inHandler = new Promise<void>((resolve) => { entered = resolve; });
      const port = await start(lines, new Promise((resolve) => { release = resolve; }), entered);
      const socket = connect(port, '127.0.0.1');
      socket.write('GET /late HTTP/1.1\r\nHost: x\r\n\r\n');
      let received = '';
      socket.on('data', (chunk) => { received += chunk; });
      await inHandler;
      socket.destroy();
      await once(socket, 'close');
      await new Promise((resolve) => setTimeout(resolve, 20));
      release();
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(received, '');
      assert.deepEqual(lines, ['Internal Server Error']);
      assert.deepEqual(faults, []);
    });

    it('an error before the request body is read keeps the keep-alive connection answering', async () => {
      const lines: string[] = [];
      const port = await start(lines, Promise.resolve(), () => {});
      const body = 'x'.repeat(64 * 1024);
      const text = await exchange(port,
        `POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
        'GET /ok HTTP/1.1\r\nHost: x\r\n\r\n', (received) => received.endsWith('\r\n\r\nok'));
      const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => match[1]);
      assert.deepEqual(statuses, ['500', '200']);
      assert.match(text, /"error":"Internal Server Error"/);
      assert.ok(text.endsWith('ok'));
      assert.deepEqual(lines, ['Internal Server Error']);
      assert.deepEqual(faults, []);
    });
  });
}
