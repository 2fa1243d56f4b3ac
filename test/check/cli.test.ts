import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { withExample } from '../support/frameworks.ts';
import { serve } from '../support/serve.ts';

const packageJson = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
const bin = fileURLToPath(new URL(`../../${packageJson.bin['codat-errors']}`, import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bin as a CI job would, in its own process. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

interface Report {
  ok: boolean;
  method: string;
  results: Array<{ probe: string; check: string; ok: boolean; detail: string }>;
}

async function check(url: string, ...options: string[]) {
  const run = await cli('check', url, '--json', ...options);
  const report = JSON.parse(run.stdout) as Report;
  const broken = report.results.filter((r) => !r.ok).map((r) => `${r.probe}: ${r.check}`);
  return { ...run, report, broken };
}

for (const framework of withExample) {
  describe(`${framework.name} example passes the checker`, { concurrency: true }, async () => {
    const { url, routes } = await framework.example();
    // One route per error status: each run is a process of its own.
    const firstOfEachStatus = routes.filter(
      ([, , status], index) => status >= 400 && routes.findIndex((r) => r[2] === status) === index,
    );
    for (const [method, path, status] of firstOfEachStatus) {
      it(`${method} ${path} → ${status}`, async () => {
        const { code, report, broken } = await check(`${url}${path}`, '--method', method);
        assert.deepEqual(broken, []);
        assert.equal(code, 0);
        assert.equal(report.results.length, method === 'GET' ? 14 : 12);
      });
    }

    it('says so in words by default', async () => {
      const run = await cli('check', `${url}/account`);
      assert.equal(run.code, 0);
      assert.match(
        run.stdout,
        new RegExp(
          `^codat-errors check GET ${url}/account\n  with a valid correlation id\n    ✓ status equals statusCode: status 402, statusCode 402\n`,
        ),
      );
      assert.match(
        run.stdout,
        /\n {2}as HEAD\n {4}✓ HEAD has the same status: GET 402, HEAD 402\n {4}✓ HEAD has no body: 0 bytes after the headers\nPASS: all 14 checks hold\n$/,
      );
    });

    it('fails a success, which is not an error envelope', async () => {
      const { code, broken } = await check(`${url}/`);
      assert.equal(code, 1);
      assert.ok(broken.includes('valid id: schema') && broken.includes('valid id: status'), broken.join());
    });
  });
}

/** A minimal server in no framework that keeps the contract; each breach below changes one thing. */
interface Behaviour {
  status?: number;
  contentType?: string;
  body?: (id: string) => string;
  id?: (incoming: string | undefined) => string;
  headerId?: (id: string) => string;
  headBody?: boolean;
}

function contractServer(behaviour: Behaviour = {}) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const incoming = req.headers['x-correlation-id'] as string | undefined;
    const id = behaviour.id
      ? behaviour.id(incoming)
      : incoming && /^[\w.:-]{1,128}$/.test(incoming)
        ? incoming
        : randomUUID();
    const body =
      behaviour.body?.(id) ??
      JSON.stringify({ statusCode: 404, service: 'Inventory', error: 'Not Found', correlationId: id });
    const head = {
      'content-type': behaviour.contentType ?? 'application/json',
      'x-correlation-id': behaviour.headerId?.(id) ?? id,
      'content-length': Buffer.byteLength(body),
    };
    if (req.method === 'HEAD' && behaviour.headBody) {
      // Node's server drops a HEAD body by itself: write the bytes past it.
      const fields = Object.entries(head)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      res.socket!.end(`HTTP/1.1 404 Not Found\r\n${fields}connection: close\r\n\r\n${body}`);
      return;
    }
    res.writeHead(behaviour.status ?? 404, head).end(req.method === 'HEAD' ? undefined : body);
  };
}

const breaches: Array<[name: string, behaviour: Behaviour, broken: string[], detail: RegExp]> = [
  [
    'status differs from statusCode',
    { status: 400 },
    ['valid id: status', 'invalid id: status'],
    /status 400, statusCode 404/,
  ],
  [
    'text/plain content type',
    { contentType: 'text/plain' },
    ['valid id: content-type', 'invalid id: content-type'],
    /content-type "text\/plain"/,
  ],
  [
    'keys out of order',
    { body: (id) => JSON.stringify({ statusCode: 404, error: 'Not Found', service: 'Inventory', correlationId: id }) },
    ['valid id: keys', 'invalid id: keys'],
    /keys statusCode, error, service, correlationId; expected statusCode, service, error, correlationId/,
  ],
  [
    'an extra key (a stack)',
    {
      body: (id) =>
        JSON.stringify({ statusCode: 404, service: 'Inventory', error: 'Not Found', correlationId: id, stack: 'at x' }),
    },
    ['valid id: keys', 'valid id: schema', 'invalid id: keys', 'invalid id: schema'],
    /stack is not allowed/,
  ],
  [
    'validation without warnings',
    {
      body: (id) =>
        JSON.stringify({ statusCode: 404, service: 'I', error: 'x', correlationId: id, validation: { errors: [] } }),
    },
    ['valid id: schema', 'invalid id: schema'],
    /validation.warnings must be an array, got nothing/,
  ],
  [
    'an HTML body',
    { body: () => '<h1>Not Found</h1>', contentType: 'text/html' },
    [
      'valid id: status',
      'valid id: content-type',
      'valid id: keys',
      'valid id: schema',
      'valid id: id-echoed-body',
      'invalid id: status',
      'invalid id: content-type',
      'invalid id: keys',
      'invalid id: schema',
      'invalid id: id-replaced-body',
      'invalid id: id-replaced-header',
    ],
    /the body is not a JSON object/,
  ],
  [
    'incoming id never reused',
    { id: () => randomUUID() },
    ['valid id: id-echoed-body', 'valid id: id-echoed-header'],
    /body has "[0-9a-f-]{36}"/,
  ],
  [
    'invalid id echoed as it came',
    { id: (incoming) => incoming ?? 'x' },
    ['invalid id: id-replaced-body', 'invalid id: id-replaced-header'],
    /sent "not a valid id!", body has "not a valid id!"/,
  ],
  [
    'header id differs from the body id',
    { headerId: () => 'other' },
    ['valid id: id-echoed-header', 'invalid id: id-replaced-header'],
    /header has "other"/,
  ],
  ['a body on HEAD', { headBody: true }, ['HEAD: head-no-body'], /\d+ bytes after the headers/],
];

describe('broken servers fail the checker, each breach reported', { concurrency: true }, async () => {
  it('a plain node:http server that keeps the contract passes', async () => {
    const { url } = await serve(contractServer());
    const { code, broken } = await check(`${url}/items/1`);
    assert.deepEqual(broken, []);
    assert.equal(code, 0);
  });

  for (const [name, behaviour, expected, detail] of breaches) {
    it(name, async () => {
      const { url } = await serve(contractServer(behaviour));
      const { code, report, broken } = await check(`${url}/items/1`);
      assert.equal(code, 1);
      assert.equal(report.ok, false);
      assert.deepEqual(broken, expected);
      assert.match(
        report.results
          .filter((r) => !r.ok)
          .map((r) => r.detail)
          .join('\n'),
        detail,
      );
    });
  }

  it('reports the breaches in words, with the verdict', async () => {
    const { url } = await serve(contractServer({ contentType: 'text/plain' }));
    const run = await cli('check', `${url}/items/1`);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /\n {4}✗ JSON content type: content-type "text\/plain"\n/);
    assert.match(run.stdout, /\nFAIL: 2 of 14 checks broke the contract\n$/);
  });

  it('sends --method and --header, and skips HEAD for a method other than GET', async () => {
    const { url } = await serve((req, res) => {
      const keyed = req.headers['x-api-key'] === 'k1' && req.method === 'POST';
      (keyed ? contractServer() : (_req: IncomingMessage, out: ServerResponse) => out.writeHead(401).end('no key'))(
        req,
        res,
      );
    });
    const withKey = await check(`${url}/items`, '--method', 'post', '--header', 'X-Api-Key: k1');
    assert.deepEqual(withKey.broken, []);
    assert.equal(withKey.report.method, 'POST');
    assert.ok(withKey.report.results.every((r) => r.probe !== 'HEAD'));
    const withoutKey = await check(`${url}/items`, '--method', 'POST');
    assert.equal(withoutKey.code, 1);
  });

  it('reports a server that does not answer', async () => {
    const { url, server } = await serve(() => {});
    server.close();
    server.closeAllConnections();
    const { code, broken, report } = await check(`${url}/`);
    assert.equal(code, 3);
    assert.deepEqual(broken, ['valid id: response']);
    assert.match(report.results[0]!.detail, /ECONNREFUSED/);
  });
});

describe('usage errors exit 2 with the usage', { concurrency: true }, () => {
  for (const [args, message] of [
    [[], /a command is needed/],
    [['verify', 'http://x'], /unknown command "verify"/],
    [['check'], /exactly one URL/],
    [['check', 'ftp://x'], /not an http\(s\) URL/],
    [['check', 'http://x', '--header', 'nocolon'], /--header must be 'Name: value'/],
  ] as const) {
    it(args.join(' ') || '(nothing)', async () => {
      const run = await cli(...args);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Usage: codat-errors check <url>/);
      assert.equal(run.stdout, '');
    });
  }
});
