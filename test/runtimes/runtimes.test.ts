// The shared case table through withCodatErrors and through Hono on each runtime for real: Bun, Deno
// (their binaries from the npm registry) and Cloudflare's workerd through Miniflare, the Worker bundled
// as Wrangler bundles it, with nodejs_compat and without. Node runs the same adapters in the registry
// (test/support/frameworks.ts). `npm run test:runtimes`; the package must be built.
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { routes } from '../../examples/routes.js';
import { Miniflare } from 'miniflare';
import { canary } from '../support/canary.ts';
import { cases } from '../support/cases.ts';
import { envelopeText } from '../support/envelope-text.ts';
import { idPattern } from '../support/ids.ts';
import { request } from '../support/serve.ts';
import { bundleWorker } from './worker-bundle.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const bun = here('../../node_modules/@oven/bun-linux-x64/bin/bun');
const deno = here('../../node_modules/@deno/linux-x64-glibc/deno');
const workerd = here('../../node_modules/@cloudflare/workerd-linux-64/bin/workerd');
const version = (binary: string) => execFileSync(binary, ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();

interface Runtime {
  name: string;
  /** Whether the runtime has AsyncLocalStorage: `asyncContext: true` works, else it throws at set-up. */
  asyncContext: boolean;
  start(): Promise<string>;
}

/** Runs a server script in its own process; it prints its address, and is stopped when the file ends. */
async function spawnServer(binary: string, args: string[]): Promise<string> {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'inherit'], cwd: here('../..') });
  const closed = once(child, 'close');
  after(async () => {
    child.kill();
    await closed;
  });
  const [line] = (await once(child.stdout.setEncoding('utf8'), 'data')) as [string];
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0];
  assert.ok(url, `${binary} printed no address: ${line}`);
  return url;
}

async function startWorker(nodejsCompat: boolean, entry?: URL): Promise<string> {
  const mf = new Miniflare({
    modules: true,
    script: await bundleWorker(nodejsCompat, entry),
    compatibilityDate: '2026-04-01',
    compatibilityFlags: nodejsCompat ? ['nodejs_compat'] : [],
    host: '127.0.0.1',
    port: 0,
  });
  after(() => mf.dispose());
  return (await mf.ready).origin;
}

const runtimes: Runtime[] = [
  {
    name: `Bun ${version(bun)}`,
    asyncContext: true,
    start: () => spawnServer(bun, ['test/runtimes/serve-bun.ts']),
  },
  {
    name: version(deno),
    asyncContext: true,
    start: () =>
      spawnServer(deno, ['run', '--allow-net', '--allow-read', '--allow-env', 'test/runtimes/serve-deno.ts']),
  },
  {
    name: `${version(workerd)} (Miniflare), nodejs_compat`,
    asyncContext: true,
    start: () => startWorker(true),
  },
  {
    name: `${version(workerd)} (Miniflare), without nodejs_compat`,
    asyncContext: false,
    start: () => startWorker(false),
  },
];

function assertNoCanary(reply: { text: string; headers: Headers }): void {
  assert.ok(!reply.text.includes(canary), 'the canary reached a body');
  for (const [name, value] of reply.headers) assert.ok(!value.includes(canary), `the canary reached ${name}`);
}

for (const runtime of runtimes) {
  describe(runtime.name, async () => {
    const url = await runtime.start();

    for (const entry of ['fetch', 'hono']) {
      cases.forEach((c, index) => {
        it(`${entry}: ${c.name} → ${c.status}, the bytes of every other adapter`, async () => {
          const reply = await request(`${url}/${entry}/case/${index}`);
          assert.equal(reply.status, c.status);
          assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
          assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
          const id = reply.headers.get('x-correlation-id') ?? '';
          assert.match(id, idPattern);
          assert.equal(reply.text, envelopeText(c.body, id));
          for (const [name, value] of Object.entries(c.headers ?? {}))
            assert.equal(reply.headers.get(name), value, name);
          assertNoCanary(reply);
        });

        it(`${entry}: ${c.name}: HEAD gets the status and headers, no body`, async () => {
          const reply = await request(`${url}/${entry}/case/${index}`, { method: 'HEAD' });
          assert.equal(reply.status, c.status);
          assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
          const id = reply.headers.get('x-correlation-id') ?? '';
          assert.match(id, idPattern);
          assert.equal(reply.headers.get('content-length'), String(Buffer.byteLength(envelopeText(c.body, id))));
          assert.equal(reply.text, '');
        });
      });

      it(`${entry}: an unmatched route is the 404 envelope, with the incoming id`, async () => {
        const reply = await request(`${url}/${entry}/nothing`, { headers: { 'x-correlation-id': 'runtime-404' } });
        assert.equal(reply.status, 404);
        assert.equal(reply.headers.get('x-correlation-id'), 'runtime-404');
        assert.equal(
          reply.text,
          '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"runtime-404"}',
        );
      });
    }

    it('getCorrelationId(request) gives the id without async context; getCorrelationId() needs AsyncLocalStorage', async () => {
      const reply = await request(`${url}/fetch/id`, { headers: { 'x-correlation-id': 'runtime-id' } });
      assert.deepEqual(
        reply.body,
        runtime.asyncContext
          ? { fromRequest: 'runtime-id', fromContext: 'runtime-id', setupError: null }
          : {
              fromRequest: 'runtime-id',
              fromContext: null,
              setupError:
                'codat-errors: option "asyncContext" needs AsyncLocalStorage, which this runtime does not have; drop the option',
            },
      );
    });

    it("Hono's c.get('correlationId') is the header's id", async () => {
      const reply = await request(`${url}/hono/id`, { headers: { 'x-correlation-id': 'hono-id' } });
      assert.equal(reply.text, 'hono-id');
      assert.equal(reply.headers.get('x-correlation-id'), 'hono-id');
    });

    it('a response whose headers cannot change (Response.redirect) still gets the id', async () => {
      const reply = await request(`${url}/fetch/redirect`, {
        redirect: 'manual',
        headers: { 'x-correlation-id': 'r-1' },
      });
      assert.equal(reply.status, 302);
      assert.equal(reply.headers.get('location'), 'https://example.com/');
      assert.equal(reply.headers.get('x-correlation-id'), 'r-1');
    });
  });
}

// workerd closes a socket that asked `Connection: close` only when it idles out, some 5 s after the
// checker's HEAD probe: the checks run side by side, each allowed 30 s.
describe('examples/worker.js in workerd, without nodejs_compat, passes the checker', {
  concurrency: true,
}, async () => {
  const url = await startWorker(false, new URL('../../examples/worker.js', import.meta.url));
  const cli = here('../../dist/check/cli.js');
  const firstOfEachStatus = routes.filter(
    ([, , status], index) => status >= 400 && routes.findIndex((r) => r[2] === status) === index,
  );
  for (const [method, path, status] of firstOfEachStatus) {
    it(`${method} ${path} → ${status}`, async () => {
      const run = await promisify(execFile)(process.execPath, [
        cli,
        'check',
        `${url}${path}`,
        '--method',
        method,
        '--timeout',
        '30000',
      ]);
      assert.match(run.stdout, /\nPASS: all \d+ checks hold\n$/);
    });
  }
});
