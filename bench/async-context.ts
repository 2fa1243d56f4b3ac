// The cost of asyncContext on the success path: the same Koa app with the option on and off, each
// in its own process (AsyncLocalStorage's hooks, once enabled, stay on for the process), driven over
// keep-alive HTTP on 127.0.0.1 from this process, rounds alternated. The figure is the server's CPU
// time per request, which other load on the machine disturbs far less than requests per second.
// Not part of npm test.
//   npm run build && node --import tsx bench/async-context.ts [requests-per-round] [rounds]
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Pool } from 'undici';

const requests = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 5);
const concurrency = 32;

if (process.env.BENCH_SERVER) {
  const { default: Koa } = await import('koa');
  const { codatErrors } = await import('codat-errors');
  const app = new Koa();
  app.use(codatErrors({ asyncContext: process.env.BENCH_SERVER === 'on' }));
  app.use(async (ctx) => {
    // A handler that awaits a little, as real ones do: AsyncLocalStorage's cost grows with promises.
    for (let i = 0; i < 3; i++) await Promise.resolve();
    ctx.body = 'ok';
  });
  const server = app.listen(0, '127.0.0.1', () => process.send!((server.address() as { port: number }).port));
  process.on('message', () => process.send!(process.cpuUsage()));
  process.on('disconnect', () => process.exit(0));
} else {
  const servers = await Promise.all(['on', 'off'].map(async (mode) => {
    const child = fork(new URL(import.meta.url), { env: { ...process.env, BENCH_SERVER: mode }, execArgv: ['--import', 'tsx'] });
    const [port] = (await once(child, 'message')) as [number];
    return { mode, child, pool: new Pool(`http://127.0.0.1:${port}`, { connections: concurrency }), costs: [] as number[] };
  }));
  type Server = (typeof servers)[number];

  const cpuTime = async ({ child }: Server): Promise<number> => {
    child.send('cpu');
    const [{ user, system }] = (await once(child, 'message')) as [NodeJS.CpuUsage];
    return user + system;
  };
  /** The server's CPU microseconds per request over `count` requests. */
  const run = async (server: Server, count: number): Promise<number> => {
    let left = count;
    const before = await cpuTime(server);
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await (await server.pool.request({ path: '/', method: 'GET' })).body.text();
    }));
    return ((await cpuTime(server)) - before) / count;
  };

  for (const server of servers) await run(server, 2_000);
  for (let round = 0; round < rounds; round++) {
    for (const server of round % 2 ? [...servers].reverse() : servers) server.costs.push(await run(server, requests));
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const [on, off] = servers.map((server) => median(server.costs));
  console.log(`node ${process.version}, ${rounds} rounds of ${requests} requests, ${concurrency} connections, server CPU per request`);
  for (const server of servers) console.log(`  ${server.mode}: ${server.costs.map((cost) => cost.toFixed(1)).join(' ')} µs`);
  console.log(`asyncContext off: ${off!.toFixed(1)} µs`);
  console.log(`asyncContext on:  ${on!.toFixed(1)} µs (+${(on! - off!).toFixed(1)} µs, ${(((on! - off!) / off!) * 100).toFixed(1)}%)`);
  for (const server of servers) {
    await server.pool.close();
    server.child.disconnect();
  }
}
