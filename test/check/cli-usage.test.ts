// Point 10 of issue 16: help and version, a server that cannot be reached (exit 3), --timeout, and a
// success that says the URL must produce an error.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { serve } from '../support/serve.ts';
import { check, cli, packageJson } from './support.ts';

describe('codat-errors --help and --version', { concurrency: true }, () => {
  for (const args of [['--help'], ['-h'], ['check', 'http://localhost:3000/x', '--help']]) {
    it(`${args.join(' ')} prints the usage, options and exit codes, and exits 0`, async () => {
      const run = await cli(...args);
      assert.equal(run.code, 0);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /^Usage: codat-errors check <url> \[options\]\n/);
      assert.match(run.stdout, /--timeout MS {2,}milliseconds to wait for each answer \(default 10000\)/);
      assert.match(
        run.stdout,
        /Exit codes: 0 every check holds, 1 a check breaks the contract, 2 a usage error,\n3 the server could not be reached or did not answer in time\.\n$/,
      );
    });
  }

  it("--version prints the package's version and exits 0", async () => {
    const run = await cli('--version');
    assert.deepEqual([run.code, run.stdout, run.stderr], [0, `${packageJson.version}\n`, '']);
  });
});

describe('a server that cannot be reached or does not answer exits 3', { concurrency: true }, () => {
  it('a closed port: could not reach, after one probe', async () => {
    const { url, server } = await serve(() => {});
    server.close();
    server.closeAllConnections();
    const run = await cli('check', `${url}/items/1`);
    assert.equal(run.code, 3);
    assert.match(
      run.stdout,
      /\n {4}✗ the server answers: ECONNREFUSED\nCOULD NOT REACH http:\/\/127\.0\.0\.1:\d+\/items\/1: ECONNREFUSED\n$/,
    );
    const json = await check(`${url}/items/1`);
    assert.equal(json.code, 3);
    assert.deepEqual([json.report.ok, json.report.reached, json.broken], [false, false, ['valid id: response']]);
  });

  it('a server that never answers: no answer within --timeout', async () => {
    const { url } = await serve(() => {});
    const run = await check(`${url}/items/1`, '--timeout', '300');
    assert.equal(run.code, 3);
    assert.deepEqual(run.broken, ['valid id: response']);
    assert.equal(run.report.results[0]!.detail, 'no answer within 300 ms');
    assert.ok(run.ms < 5_000, `took ${run.ms} ms`);
  });

  // The probes that are answered get 2 s, so that a loaded machine does not time them out.
  it('a server that answers a valid id but never an invalid one: stops at the second probe', async () => {
    const { url } = await serve((req, res) => {
      const incoming = req.headers['x-correlation-id'] as string;
      if (!incoming.startsWith('check-')) return;
      res
        .writeHead(404, { 'content-type': 'application/json', 'x-correlation-id': incoming })
        .end(JSON.stringify({ statusCode: 404, service: 'Inventory', error: 'Not Found', correlationId: incoming }));
    });
    const run = await check(`${url}/items/1`, '--timeout', '2000');
    assert.equal(run.code, 3);
    assert.deepEqual(run.broken, ['invalid id: response']);
    assert.equal(run.report.results.length, 7);
  });

  it('a server that answers GET but never HEAD: the checks so far, then no answer within --timeout', async () => {
    const { url } = await serve((req, res) => {
      if (req.method === 'HEAD') return;
      const incoming = req.headers['x-correlation-id'] as string;
      const id = /^[\w.:-]{1,128}$/.test(incoming) ? incoming : randomUUID();
      res
        .writeHead(404, { 'content-type': 'application/json', 'x-correlation-id': id })
        .end(JSON.stringify({ statusCode: 404, service: 'Inventory', error: 'Not Found', correlationId: id }));
    });
    const run = await check(`${url}/items/1`, '--timeout', '2000');
    assert.equal(run.code, 3);
    assert.deepEqual(run.broken, ['HEAD: response']);
    assert.equal(run.report.results.length, 13);
    assert.equal(run.report.results.at(-1)!.detail, 'no answer within 2000 ms');
    const words = await cli('check', `${url}/items/1`, '--timeout', '2000');
    assert.match(words.stdout, /\nCOULD NOT REACH http:\/\/127\.0\.0\.1:\d+\/items\/1: no answer within 2000 ms\n$/);
  });
});

describe('--timeout is checked', { concurrency: true }, () => {
  for (const value of ['0', 'abc', '1.5', '-3', '99999999999']) {
    it(`--timeout ${value} is a usage error`, async () => {
      const run = await cli('check', 'http://localhost:3000/x', `--timeout=${value}`);
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`--timeout must be a whole number of milliseconds from 1, got "${value}"`));
    });
  }
});

describe('a URL that answers with a success', () => {
  it('fails, and says the URL must produce an error', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"statusCode":200}');
    });
    const run = await check(`${url}/health`);
    assert.equal(run.code, 1);
    assert.ok(run.broken.includes('valid id: status'), run.broken.join());
    assert.match(
      run.report.results.find((r) => r.check === 'status')!.detail,
      /^status 200, statusCode 200; 200 is no error: check a URL that answers with one \(4xx or 5xx\), such as an unknown path$/,
    );
  });
});
