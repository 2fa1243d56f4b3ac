// The soak run: both examples, each in its own process, under autocannon over keep-alive connections
// with a mix of successes, domain 4xx, unknown errors, a thrown string and hostile correlation ids; every response checked.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { idPattern } from './ids.ts';

interface Kind {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  status: number;
  id?: 'valid' | 'hostile';
}

/** The mix, sent in this order over and over. */
const mix: Kind[] = [
  { name: 'success', method: 'GET', path: '/', status: 200 },
  { name: 'domain 4xx (402)', method: 'POST', path: '/companies', status: 402, id: 'valid' },
  { name: 'domain 4xx (429)', method: 'GET', path: '/rate-limited', status: 429 },
  { name: 'unknown error (500)', method: 'GET', path: '/crash', status: 500, id: 'valid' },
  { name: 'non-Error thrown (500)', method: 'GET', path: '/thrown-string', status: 500 },
  { name: 'no route (404)', method: 'GET', path: '/no-such-route', status: 404, id: 'hostile' },
  { name: 'unknown error, hostile id', method: 'GET', path: '/crash', status: 500, id: 'hostile' },
];
const hostileIds = ['a b', 'x'.repeat(200), '<script>', 'caf\u00e9', '../../etc', '"quoted"', 'id;drop'];
/** The secret in the example's /crash error message. */
const secret = 'hunter2';

export interface SoakFigures {
  example: string;
  requests: number;
  injected: Record<string, number>;
  observed: Record<string, number>;
  /** Requests sent but cut off by the end of the run (at most one per connection). */
  inFlightAtEnd: number;
  hung: number;
  wrongStatus: number;
  canaryHits: number;
  correlationMismatches: number;
  errors: number;
  heapBaseline: number;
  heapAfter: number;
  crashed: boolean;
}

async function forkExample(example: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(new URL('../../scripts/serve-example.ts', import.meta.url), [example], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [{ port }] = (await once(child, 'message')) as [{ port: number }];
  return { child, port };
}

async function heap(child: ChildProcess): Promise<number> {
  child.send({ gc: true });
  const [{ heapUsed }] = (await once(child, 'message')) as [{ heapUsed: number }];
  return heapUsed;
}

interface Context {
  kind?: Kind;
  sentId?: string | undefined;
  pending?: boolean;
}

async function drive(port: number, seconds: number, connections: number, figures?: SoakFigures): Promise<void> {
  let sequence = 0;
  const contexts = new Set<Context>();
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    timeout: 5,
    requests: [
      {
        setupRequest(request, context: Context) {
          contexts.add(context);
          const kind = mix[sequence % mix.length]!;
          const n = sequence++;
          context.kind = kind;
          context.pending = true;
          context.sentId =
            kind.id === 'valid' ? `soak-${n}` : kind.id === 'hostile' ? hostileIds[n % hostileIds.length]! : undefined;
          if (figures) figures.injected[kind.name] = (figures.injected[kind.name] ?? 0) + 1;
          const headers = { ...request.headers } as Record<string, string>;
          if (context.sentId !== undefined) headers['x-correlation-id'] = context.sentId;
          else delete headers['x-correlation-id'];
          return { ...request, method: kind.method, path: kind.path, headers } as typeof request;
        },
        onResponse(status, body, context: Context, headers) {
          context.pending = false;
          if (!figures || !context.kind) return;
          const kind = context.kind;
          figures.observed[kind.name] = (figures.observed[kind.name] ?? 0) + 1;
          if (status !== kind.status) figures.wrongStatus += 1;
          const raw = JSON.stringify(headers) + body;
          if (raw.includes(secret)) figures.canaryHits += 1;
          const headerList = headers as unknown as string[] | Record<string, string>;
          const id = Array.isArray(headerList)
            ? headerList[headerList.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'x-correlation-id') + 1]
            : headerList['x-correlation-id'];
          const bodyId = status >= 400 ? (JSON.parse(body) as { correlationId?: string }).correlationId : id;
          const expected = kind.id === 'valid' ? id === context.sentId : idPattern.test(id ?? '');
          if (!expected || bodyId !== id) figures.correlationMismatches += 1;
        },
      },
    ],
  } as autocannon.Options);
  const result = await instance;
  if (figures) {
    figures.requests += result.requests.total;
    figures.hung += result.timeouts;
    figures.errors += result.errors - result.timeouts;
    figures.inFlightAtEnd += [...contexts].filter((context) => context.pending).length;
  }
}

/** Soaks one example for `seconds` over `connections` connections, after a short warm-up. */
export async function soak(example: 'koa' | 'express', seconds: number, connections: number): Promise<SoakFigures> {
  const { child, port } = await forkExample(example);
  let crashed = false;
  child.on('exit', () => {
    crashed = true;
  });
  await drive(port, Math.min(2, seconds), connections);
  const heapBaseline = await heap(child);
  const figures: SoakFigures = {
    example,
    requests: 0,
    injected: {},
    observed: {},
    inFlightAtEnd: 0,
    hung: 0,
    wrongStatus: 0,
    canaryHits: 0,
    correlationMismatches: 0,
    errors: 0,
    heapBaseline,
    heapAfter: 0,
    crashed: false,
  };
  await drive(port, seconds, connections, figures);
  figures.heapAfter = await heap(child);
  figures.crashed = crashed;
  child.kill();
  return figures;
}

/** True when every figure is as it must be: nothing lost, nothing wrong, the heap back within 10%. */
export function soakPassed(f: SoakFigures): boolean {
  const sent = Object.values(f.injected).reduce((a, b) => a + b, 0);
  const answered = Object.values(f.observed).reduce((a, b) => a + b, 0);
  return (
    !f.crashed &&
    f.hung === 0 &&
    f.errors === 0 &&
    f.wrongStatus === 0 &&
    f.canaryHits === 0 &&
    f.correlationMismatches === 0 &&
    sent === answered + f.inFlightAtEnd &&
    f.heapAfter <= f.heapBaseline * 1.1
  );
}
