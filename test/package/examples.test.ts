// The examples run as `npm start` runs them, each in its own process, compared byte for byte.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { routes } from '../../examples/routes.js';
import { request } from '../support/serve.ts';

interface Started {
  url: string;
  stderr: () => Promise<string>;
}

/** Runs an example as `npm start` does, on a free port; it is stopped when the file ends. */
async function runExample(file: string, ...args: string[]): Promise<Started> {
  // examples/hono.ts runs as `npm run start:hono` runs it, through tsx.
  const child = spawn(process.execPath, [...(file.endsWith('.ts') ? ['--import', 'tsx'] : []), file, ...args], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = once(child, 'close');
  after(async () => {
    child.kill();
    await closed;
  });
  const [line] = (await once(child.stdout.setEncoding('utf8'), 'data')) as [string];
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0];
  assert.ok(url, `${file} printed no address: ${line}`);
  return {
    url,
    stderr: async () => {
      child.kill();
      await closed;
      return stderr;
    },
  };
}

describe('the Koa, Express, Fastify, NestJS and Hono examples', async () => {
  const [koa, express, fastify, nestExpress, nestFastify, hono] = await Promise.all([
    runExample('examples/koa.js'),
    runExample('examples/express.js'),
    runExample('examples/fastify.js'),
    runExample('examples/nestjs.js'),
    runExample('examples/nestjs.js', 'fastify'),
    runExample('examples/hono.ts'),
  ]);

  for (const [method, path, status] of routes) {
    it(`${method} ${path} → ${status}, the same bytes from all six`, async () => {
      const init = { method, headers: { 'x-correlation-id': 'example-parity' } };
      const [fromKoa, ...others] = await Promise.all([
        request(koa.url + path, init),
        request(express.url + path, init),
        request(fastify.url + path, init),
        request(nestExpress.url + path, init),
        request(nestFastify.url + path, init),
        request(hono.url + path, init),
      ]);
      assert.equal(fromKoa.status, status);
      for (const other of others) {
        assert.equal(other.status, status);
        assert.equal(other.text, fromKoa.text);
        for (const name of ['content-type', 'x-correlation-id', 'allow', 'retry-after']) {
          assert.equal(other.headers.get(name), fromKoa.headers.get(name), name);
        }
      }
      assert.equal(fromKoa.headers.get('x-correlation-id'), 'example-parity');
      // An error's envelope carries the id; a success's own body does not.
      assert.equal(
        (fromKoa.body as { correlationId?: string }).correlationId,
        status >= 400 ? 'example-parity' : undefined,
      );
    });
  }

  it('prints the 500 with its stack on the console of each, never in the response', async () => {
    const stderrs = await Promise.all([
      koa.stderr(),
      express.stderr(),
      fastify.stderr(),
      nestExpress.stderr(),
      nestFastify.stderr(),
      hono.stderr(),
    ]);
    for (const printed of stderrs) assert.match(printed, /Error: db password=hunter2 is wrong\n\s+at /);
  });
});
