// Every `ts` and `js` block of the README and of docs/ runs as pasted: each is written to a file of a
// project inside node_modules (so that `codat-errors` is the built package, as a dependency, and koa,
// express, zod… are the repository's), the TypeScript ones are type-checked, and each one is run: a
// script must print what the page says, a server must answer what the page says. Blocks that are not
// meant to run are `sh`, `json` or `text`.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Block, blocksOf } from './markdown.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const pages = ['README.md', ...(await readdir(join(root, 'docs'))).map((name) => `docs/${name}`)];

/** A runnable block, named by its page and heading (`#2` for a heading's second one), with the blocks after it. */
interface Snippet extends Block {
  key: string;
  file: string;
  /** The `json` and `text` blocks that follow it under the same heading: what it answers or prints. */
  shown: Block[];
}

const snippets: Snippet[] = [];
for (const page of pages) {
  const blocks = blocksOf(page, await readFile(join(root, page), 'utf8'));
  blocks.forEach((block, index) => {
    if (block.lang !== 'ts' && block.lang !== 'js') return;
    const earlier = snippets.filter((other) => other.page === page && other.heading === block.heading).length;
    const key = `${page} § ${block.heading}${earlier === 0 ? '' : ` #${earlier + 1}`}`;
    const next = blocks.slice(index + 1);
    const end = next.findIndex(
      (later) => later.heading !== block.heading || later.lang === 'ts' || later.lang === 'js',
    );
    const shown = (end === -1 ? next : next.slice(0, end)).filter(
      (later) => later.lang === 'json' || later.lang === 'text',
    );
    const file = `${key
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()}.${block.lang}`;
    snippets.push({ ...block, key, file, shown });
  });
}

/** One run of a snippet: the server's base URL (for a server), what it printed, and the example app's URL. */
interface Run {
  url: string;
  stdout: () => string;
  api: string;
  snippet: Snippet;
}

interface Check {
  /** A server: started with PORT, asked by `check` once it prints its URL. Else a script, run to its end. */
  server?: boolean;
  /** Calls the example app (`API_URL`). */
  api?: boolean;
  /** Runs with these packages in place of the repository's (`express` → `express4`). */
  packages?: Record<string, string>;
  check: (run: Run) => Promise<void>;
}

/** The text the page shows after the snippet, in `lang` blocks (the first by default). */
function shown(snippet: Snippet, lang: 'json' | 'text', index = 0): string {
  const block = snippet.shown.filter((candidate) => candidate.lang === lang)[index];
  assert.ok(block, `${snippet.key}: no ${lang} block after it`);
  return block.code;
}

/** A JSON block of a page as the bytes a server sends, with the correlation id this request used. */
function bytesOf(json: string, correlationId?: string): string {
  const value = JSON.parse(json);
  if (correlationId !== undefined) value.correlationId = correlationId;
  return JSON.stringify(value);
}

async function ask(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('application/json');
  return { status: response.status, headers: response.headers, text, body: json ? JSON.parse(text) : undefined };
}

const post = (body: unknown, id = 'doc-1'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-correlation-id': id },
  body: JSON.stringify(body),
});
const withId = (id: string): RequestInit => ({ headers: { 'x-correlation-id': id } });
const itemsOf = (body: { validation?: { errors: Array<Record<string, string>> } }) => body.validation?.errors ?? [];

const checks: Record<string, Check> = {
  'README.md § Quick start (Koa)': {
    server: true,
    async check({ url }) {
      const limit = await ask(`${url}/companies`, post({}, 'readme-1'));
      assert.equal(limit.status, 402);
      assert.equal(limit.headers.get('x-correlation-id'), 'readme-1');
      assert.equal(
        limit.text,
        bytesOf(firstExample, 'readme-1'),
        "the README's first example is what the quick start answers",
      );
      const pdf = await ask(`${url}/invoices/12345/pdf?companyId=c1`, withId('readme-2'));
      assert.equal(
        pdf.text,
        '{"statusCode":404,"service":"QuickBooksOnline","error":"InvoicePdfNotFoundException: Invoice not found for company c1 and invoice ID 12345","correlationId":"readme-2"}',
      );
      assert.deepEqual((await ask(`${url}/whoami`, withId('readme-3'))).body, { correlationId: 'readme-3' });
    },
  },
  'README.md § Quick start (Express)': {
    server: true,
    async check({ url }) {
      const limit = await ask(`${url}/companies`, post({}, 'readme-1'));
      assert.equal(limit.status, 402);
      assert.equal(limit.text, bytesOf(firstExample, 'readme-1'));
      const missing = await ask(`${url}/nothing-here`, withId('readme-4'));
      assert.equal(
        missing.text,
        '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"readme-4"}',
      );
    },
  },
  'README.md § Quick start (Fastify)': {
    server: true,
    async check({ url }) {
      const limit = await ask(`${url}/companies`, post({}, 'readme-1'));
      assert.equal(limit.status, 402);
      assert.equal(limit.headers.get('x-correlation-id'), 'readme-1');
      assert.equal(limit.text, bytesOf(firstExample, 'readme-1'));
    },
  },
  'README.md § Quick start (NestJS)': {
    server: true,
    async check({ url }) {
      const limit = await ask(`${url}/companies`, post({}, 'readme-1'));
      assert.equal(limit.status, 402);
      assert.equal(limit.headers.get('x-correlation-id'), 'readme-1');
      assert.equal(limit.text, bytesOf(firstExample, 'readme-1'));
    },
  },
  'README.md § Quick start (Hono)': {
    server: true,
    async check({ url }) {
      const limit = await ask(`${url}/companies`, post({}, 'readme-1'));
      assert.equal(limit.status, 402);
      assert.equal(limit.headers.get('x-correlation-id'), 'readme-1');
      assert.equal(limit.text, bytesOf(firstExample, 'readme-1'));
    },
  },
  'README.md § Quick start (fetch handlers)': {
    server: true,
    async check({ url }) {
      const limit = await ask(`${url}/companies`, post({}, 'readme-1'));
      assert.equal(limit.status, 402);
      assert.equal(limit.text, bytesOf(firstExample, 'readme-1'));
      const missing = await ask(`${url}/nothing-here`, withId('readme-4'));
      assert.equal(
        missing.text,
        '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"readme-4"}',
      );
    },
  },
  'README.md § The error catalog': { check: printsWhatThePageShows },
  'README.md § Your own errors': { check: printsWhatThePageShows },
  'README.md § Stack traces of 4xx errors': { check: printsWhatThePageShows },

  'docs/validation.md § zod, Koa': {
    server: true,
    async check({ url, snippet }) {
      const invalid = await ask(`${url}/companies/42?limit=10`, post({ name: '', email: 'nope', employees: 0 }));
      assert.equal(invalid.status, 400);
      assert.equal(invalid.text, bytesOf(shown(snippet, 'json', 0), 'doc-1'));
      const valid = await ask(
        `${url}/companies/42?limit=10`,
        post({ name: 'Acme', email: 'ops@acme.test', employees: 12 }),
      );
      assert.equal(valid.status, 200);
      assert.equal(valid.text, bytesOf(shown(snippet, 'json', 1)));
    },
  },
  'docs/validation.md § valibot, Koa': {
    server: true,
    async check({ url }) {
      const invalid = await ask(`${url}/companies`, post({ name: '', email: 'nope' }));
      assert.equal(invalid.status, 400);
      assert.deepEqual(
        itemsOf(invalid.body).map((item) => item.itemId),
        ['body.name', 'body.email'],
      );
      const valid = await ask(`${url}/companies`, post({ name: 'Acme', email: 'ops@acme.test' }));
      assert.deepEqual([valid.status, valid.body], [201, { created: 'Acme' }]);
    },
  },
  'docs/validation.md § Ajv, Koa': {
    server: true,
    async check({ url }) {
      const invalid = await ask(`${url}/companies`, post({ name: '', email: 'nope', extra: 1 }));
      assert.equal(invalid.status, 400);
      assert.deepEqual(
        itemsOf(invalid.body).map((item) => [item.itemId, item.validatorName]),
        [
          ['body.name', 'minLength'],
          ['body.email', 'pattern'],
        ],
      );
      const valid = await ask(`${url}/companies`, post({ name: 'Acme', email: 'ops@acme.test', extra: 1 }));
      assert.deepEqual([valid.status, valid.body], [200, { name: 'Acme', email: 'ops@acme.test' }]);
    },
  },
  'docs/validation.md § zod, Express': {
    server: true,
    async check({ url }) {
      const invalid = await ask(`${url}/companies`, post({ name: '', email: 'nope' }));
      assert.equal(invalid.status, 400);
      assert.deepEqual(
        itemsOf(invalid.body).map((item) => item.itemId),
        ['body.name', 'body.email'],
      );
      const valid = await ask(`${url}/companies`, post({ name: 'Acme', email: 'ops@acme.test' }));
      assert.deepEqual([valid.status, valid.body], [201, { created: 'Acme' }]);
    },
  },
  'docs/validation.md § In a handler: `BadRequest.fromIssues` and `BadRequest.fromAjv`': {
    check: printsWhatThePageShows,
  },
  'docs/validation.md § A ZodError from parse()': {
    server: true,
    async check({ url }) {
      const invalid = await ask(`${url}/companies`, post({ name: '' }));
      assert.equal(invalid.status, 400);
      assert.deepEqual(
        itemsOf(invalid.body).map((item) => item.itemId),
        ['body.name'],
      );
      const valid = await ask(`${url}/companies`, post({ name: 'Acme' }));
      assert.deepEqual([valid.status, valid.body], [201, { name: 'Acme' }]);
    },
  },

  'docs/express.md § Async handlers on Express 4': {
    server: true,
    packages: { express: 'express4' },
    async check({ url }) {
      const missing = await ask(`${url}/invoices/7`, withId('doc-7'));
      assert.equal(
        missing.text,
        '{"statusCode":404,"service":"PublicApi","error":"Invoice 7 not found","correlationId":"doc-7"}',
      );
    },
  },

  'docs/fastify.md § Quick start': {
    server: true,
    async check({ url }) {
      const missing = await ask(`${url}/companies/42`, withId('doc-42'));
      assert.equal(missing.status, 404);
      assert.equal(
        missing.text,
        '{"statusCode":404,"service":"PublicApi","error":"Company 42 not found (request doc-42)","correlationId":"doc-42"}',
      );
      assert.equal(missing.headers.get('x-correlation-id'), 'doc-42');
    },
  },

  'docs/nestjs.md § Quick start': {
    server: true,
    async check({ url, snippet }) {
      const missing = await ask(`${url}/companies/42`, withId('doc-42'));
      assert.equal(missing.status, 404);
      assert.equal(missing.text, bytesOf(shown(snippet, 'json')));
      assert.equal(missing.headers.get('x-correlation-id'), 'doc-42');
    },
  },
  'docs/nestjs.md § ValidationPipe': {
    server: true,
    async check({ url, snippet }) {
      const invalid = await ask(`${url}/companies`, post({ name: 'Acme', email: 'ops', address: { city: 'L' } }));
      assert.equal(invalid.status, 400);
      assert.equal(invalid.text, bytesOf(shown(snippet, 'json')));
      const company = { name: 'Acme', email: 'ops@acme.example', address: { city: 'Leeds' } };
      const valid = await ask(`${url}/companies`, post(company));
      assert.deepEqual([valid.status, valid.body], [201, company]);
    },
  },
  'docs/nestjs.md § On Fastify': {
    server: true,
    async check({ url }) {
      const whoami = await ask(`${url}/whoami`, withId('doc-fastify'));
      assert.deepEqual(whoami.body, { correlationId: 'doc-fastify' });
      assert.equal(whoami.headers.get('x-correlation-id'), 'doc-fastify');
      const missing = await ask(`${url}/nowhere`, withId('doc-fastify'));
      assert.equal(
        missing.text,
        '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"doc-fastify"}',
      );
    },
  },
  'docs/hono.md § Quick start': {
    server: true,
    async check({ url, snippet }) {
      const missing = await ask(`${url}/companies/42`, withId('doc-42'));
      assert.equal(missing.status, 404);
      assert.equal(missing.text, bytesOf(shown(snippet, 'json')));
      assert.equal(missing.headers.get('x-correlation-id'), 'doc-42');
      const unmatched = await ask(`${url}/nothing`, withId('doc-43'));
      assert.equal(
        unmatched.text,
        '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"doc-43"}',
      );
    },
  },
  'docs/hono.md § Validation': {
    server: true,
    async check({ url, snippet }) {
      const invalid = await ask(`${url}/companies`, post({ name: '', email: 'nope' }));
      assert.equal(invalid.status, 400);
      assert.equal(invalid.text, bytesOf(shown(snippet, 'json'), 'doc-1'));
      const valid = await ask(`${url}/companies`, post({ name: 'Acme', email: 'ops@acme.test' }));
      assert.deepEqual([valid.status, valid.body], [201, { created: 'Acme' }]);
    },
  },
  'docs/fetch.md § Quick start': {
    server: true,
    async check({ url, snippet }) {
      const missing = await ask(`${url}/companies/42`, withId('doc-42'));
      assert.equal(missing.status, 404);
      assert.equal(missing.text, bytesOf(shown(snippet, 'json')));
      const unmatched = await fetch(`${url}/nothing`, { method: 'HEAD', headers: { 'x-correlation-id': 'doc-44' } });
      assert.equal(unmatched.status, 404);
      const bytes = '{"statusCode":404,"service":"PublicApi","error":"Not Found","correlationId":"doc-44"}';
      assert.equal(unmatched.headers.get('content-length'), String(bytes.length));
      assert.equal(unmatched.headers.get('x-correlation-id'), 'doc-44');
    },
  },

  'docs/behaviour.md § Ids from other stacks': {
    server: true,
    async check({ url, snippet }) {
      const answer = await ask(`${url}/`, { headers: { 'request-id': 'abc-123' } });
      assert.equal(answer.headers.get('x-correlation-id'), 'abc-123');
      assert.equal(answer.headers.get('request-id'), null, 'echoed in the first header of the list only');
      assert.equal(answer.text, bytesOf(shown(snippet, 'json')));
      const first = await ask(`${url}/`, { headers: { 'x-request-id': 'second', 'x-correlation-id': 'not valid!' } });
      assert.deepEqual(first.body, { id: 'second' }, 'the first header that holds a valid id wins');
    },
  },

  'docs/across-services.md § The current id': {
    server: true,
    async check({ url, stdout }) {
      assert.equal(stdout().split('\n')[0], 'nightly sync for job-7');
      assert.equal((await ask(`${url}/`, withId('abc'))).text, 'export for abc');
    },
  },
  'docs/across-services.md § Outgoing calls': {
    server: true,
    async check({ url }) {
      const answer = await ask(`${url}/`, withId('abc'));
      assert.equal(answer.text, '{"fromFetch":"abc","fromWrapped":"abc","fromUndici":"abc"}');
    },
  },
  'docs/across-services.md § pino': {
    server: true,
    async check({ url, stdout }) {
      assert.equal((await ask(`${url}/`, withId('abc'))).status, 404);
      const line = await eventually(() =>
        stdout()
          .split('\n')
          .find((text) => text.includes('looking up invoice 7')),
      );
      assert.equal(JSON.parse(line).correlationId, 'abc');
    },
  },
  'docs/across-services.md § OpenTelemetry': {
    server: true,
    async check({ url }) {
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const answer = await ask(`${url}/`, { headers: { traceparent } });
      assert.equal(answer.status, 404);
      assert.equal(answer.body.correlationId, '4bf92f3577b34da6a3ce929d0e0e4736');
    },
  },

  'docs/contract.md § The envelope': {
    server: true,
    async check({ url, snippet }) {
      const sync = await ask(`${url}/sync`, withId('doc-8'));
      assert.equal(sync.status, 409);
      assert.equal(sync.text, bytesOf(shown(snippet, 'json', 0), 'doc-8'));
      const other = await ask(`${url}/other`, withId('doc-9'));
      assert.equal(other.status, 404);
      assert.equal(other.text, bytesOf(shown(snippet, 'json', 1), 'doc-9'));
    },
  },
  "docs/contract.md § Codat's 422 and 451": { check: printsWhatThePageShows },
  'docs/contract.md § The JSON Schema': {
    api: true,
    async check({ stdout }) {
      assert.equal(stdout(), 'true null\n');
    },
  },
  'docs/contract.md § OpenAPI 3.1 components': {
    async check({ stdout }) {
      const spec = JSON.parse(stdout());
      assert.equal(spec.paths['/companies'].post.responses['402'].$ref, '#/components/responses/PaymentRequired');
      assert.ok(spec.components.responses.PaymentRequired && spec.components.responses.TooManyRequests);
      assert.ok(spec.components.schemas.ErrorEnvelope);
    },
  },
  'docs/contract.md § The client parser': {
    api: true,
    async check({ stdout }) {
      assert.match(stdout(), /^402 CompanyValidationException Company limit exceeded [\w-]{21}\n$/);
    },
  },
  'docs/contract.md § Errors from the services you call': {
    server: true,
    api: true,
    async check({ url, api }) {
      const path = '/invoices/12345/pdf?companyId=c1';
      const [received, direct] = await Promise.all([ask(url + path, withId('abc')), ask(api + path, withId('abc'))]);
      assert.equal(received.status, 404);
      assert.equal(received.body.service, 'QuickBooksOnline');
      assert.equal(received.text, direct.text, 'the downstream envelope travels unchanged');
      const success = await ask(`${url}/`);
      assert.deepEqual([success.status, success.body], [200, (await ask(`${api}/`)).body]);
    },
  },
};

async function printsWhatThePageShows({ stdout, snippet }: Run): Promise<void> {
  assert.equal(stdout(), shown(snippet, 'text'));
}

async function eventually<T>(find: () => T | undefined): Promise<T> {
  for (let tries = 0; tries < 50; tries++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  assert.fail('not seen within 2 s');
}

const readme = await readFile(join(root, 'README.md'), 'utf8');
const firstExample = blocksOf('README.md', readme).find((block) => block.lang === 'json')!.code;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

const children = new Set<ChildProcess>();

/** Starts `file` in `cwd` with `env`; resolves once its stdout has `ready` (or at its exit, when no `ready`). */
async function start(file: string, cwd: string, env: Record<string, string>, ready?: string) {
  const args = file.endsWith('.ts') ? ['--import', 'tsx', file] : [file];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = once(child, 'close').then(([code]) => {
    children.delete(child);
    return code as number | null;
  });
  if (ready === undefined) {
    const code = await exited;
    assert.equal(code, 0, `${file} exited with ${code}: ${stderr}`);
  } else {
    const deadline = Date.now() + 20_000;
    while (!stdout.includes(ready)) {
      assert.ok(child.exitCode === null, `${file} ended before printing ${ready}: ${stderr}`);
      assert.ok(Date.now() < deadline, `${file} printed no ${ready} within 20 s: ${stdout} ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    stdout: () => stdout,
    stop: async () => {
      child.kill();
      await exited;
    },
  };
}

after(async () => {
  for (const child of children) child.kill();
});

describe('the snippets of the README and docs/', { concurrency: 3 }, () => {
  let project = '';
  let api = '';
  let stopExample = async () => {};

  before(async () => {
    project = await mkdtemp(join(root, 'node_modules', '.snippets-'));
    await mkdir(join(project, 'node_modules'));
    await symlink(root, join(project, 'node_modules', 'codat-errors'), 'dir');
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'snippets', private: true, type: 'module' }));
    for (const snippet of snippets) {
      const packages = checks[snippet.key]?.packages ?? {};
      const folder = join(project, snippet.file.replace(/\.[jt]s$/, ''));
      await mkdir(join(folder, 'node_modules'), { recursive: true });
      for (const [name, target] of Object.entries(packages)) {
        await symlink(join(root, 'node_modules', target), join(folder, 'node_modules', name), 'dir');
      }
      await writeFile(join(folder, snippet.file), snippet.code);
    }
    const compilerOptions = {
      module: 'nodenext',
      target: 'es2022',
      strict: true,
      types: ['node'],
      skipLibCheck: true,
      noEmit: true,
      // NestJS's decorators (docs/nestjs.md); tsx reads this tsconfig too. It emits no decorator
      // metadata, so the snippets inject nothing by type.
      experimentalDecorators: true,
    };
    const files = snippets
      .filter((snippet) => snippet.lang === 'ts')
      .map((snippet) => `${snippet.file.replace(/\.ts$/, '')}/${snippet.file}`);
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
    const example = await start(join(root, 'examples', 'koa.js'), root, { PORT: String(await freePort()) }, 'http://');
    api = /http:\/\/127\.0\.0\.1:\d+/.exec(example.stdout())![0];
    stopExample = example.stop;
  });
  after(async () => {
    await stopExample();
    await rm(project, { recursive: true, force: true });
  });

  it('has a check for every ts and js block, and a block for every check', () => {
    assert.deepEqual(snippets.map((snippet) => snippet.key).sort(), Object.keys(checks).sort());
  });

  it('says, above each block, how to install every package it imports', async () => {
    const missing: string[] = [];
    for (const page of pages) {
      const blocks = blocksOf(page, await readFile(join(root, page), 'utf8'));
      const installed = new Set<string>();
      for (const block of blocks) {
        if (block.lang === 'sh') {
          for (const [, names] of block.code.matchAll(/npm install ([^#\n]+)/g)) {
            for (const name of names!.trim().split(/\s+/)) installed.add(name.replace(/(.)@.*$/, '$1'));
          }
        }
        if (block.lang !== 'ts' && block.lang !== 'js') continue;
        for (const [, specifier] of block.code.matchAll(/(?:from|import) '([^']+)'/g)) {
          if (specifier!.startsWith('node:')) continue;
          const name = specifier!
            .split('/')
            .slice(0, specifier!.startsWith('@') ? 2 : 1)
            .join('/');
          if (!installed.has(name)) missing.push(`${page}:${block.line} imports ${name}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it('type-checks every TypeScript block as pasted (strict)', async () => {
    const errors = await promisify(execFile)(process.execPath, [tsc, '-p', project], { encoding: 'utf8' }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    assert.equal(errors, '');
  });

  for (const snippet of snippets) {
    const check = checks[snippet.key];
    if (check === undefined) continue;
    it(`${snippet.key} (${snippet.page}:${snippet.line}) runs and does what the page says`, async () => {
      const folder = join(project, snippet.file.replace(/\.[jt]s$/, ''));
      const port = await freePort();
      const env = { PORT: String(port), API_URL: api };
      const url = `http://127.0.0.1:${port}`;
      const running = await start(snippet.file, folder, env, check.server ? `http://localhost:${port}` : undefined);
      try {
        await check.check({ url, stdout: running.stdout, api, snippet });
      } finally {
        await running.stop();
      }
    });
  }
});
