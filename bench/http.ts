// The HTTP benchmark: every app of bench/apps.ts in its own process, autocannon in another, rounds
// interleaved (each round runs every row once, in a rotated order). Each row's run goes at the same
// time as a run of the bare app of its framework, with which it is compared: whatever else the machine
// is doing weighs on both alike. Both processes are new for every run. The figure that counts is the
// server's own CPU time per request, which other load disturbs far less than requests per second.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { apps, bareOf, type App } from './apps.ts';
import type { LoadRequest, LoadResult } from './load.ts';
import type { ServerStats } from './server.ts';

export interface HttpOptions {
  rounds: number;
  /** Upper bounds of each run. */
  seconds: number;
  amount: number;
  connections: number;
  /** Run only the apps whose name includes one of these. */
  only?: string[];
}

export interface Run {
  requestsPerSecond: number;
  /** Server CPU time per request, µs. */
  cpuPerRequest: number;
  p50: number;
  p99: number;
  rss: number;
}

export interface Row {
  app: App;
  runs: Run[];
  /** Per round, the run of the baseline (the bare app of its framework, unless the app names another) paired with this row's. */
  baselineRuns: Run[];
  /** Per round: the baseline's CPU per request over this row's (1 = as cheap as the bare app). */
  cpuRatios: number[];
  rpsRatios: number[];
}

interface Server {
  app: App;
  child: ChildProcess;
  url: string;
}

const here = new URL('.', import.meta.url);

function start(script: string, env: Record<string, string> = {}): ChildProcess {
  // The servers' stderr is dropped: Koa prints the stack of every 500 there, which is part of the cost measured.
  return fork(new URL(script, here), {
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'ignore', 'ipc'],
  });
}

async function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  child.send(message as never);
  const [answer] = (await once(child, 'message')) as [T];
  return answer;
}

export async function startServer(app: App): Promise<Server> {
  const child = start('server.ts', { BENCH_APP: app.name });
  const [port] = (await once(child, 'message')) as [number];
  return { app, child, url: `http://127.0.0.1:${port}/` };
}

/** Bounded runs of the load generator against servers at the same time, with each server's CPU time around them. */
export async function measure(
  load: ChildProcess,
  servers: Server[],
  options: Pick<HttpOptions, 'seconds' | 'amount' | 'connections'>,
): Promise<Run[]> {
  const stats = () => Promise.all(servers.map((server) => ask<ServerStats>(server.child, 'stats')));
  const before = await stats();
  const requests = servers.map(
    (server): LoadRequest => ({
      url: server.url,
      connections: options.connections,
      amount: options.amount,
      seconds: options.seconds,
      ...(server.app.headers && { headers: server.app.headers }),
    }),
  );
  const results = await ask<LoadResult[]>(load, requests);
  const after = await stats();
  return servers.map((server, i) => {
    const result = results[i]!;
    const expected = `${String(server.app.status)[0]}xx`;
    if (result.errors > 0 || result.requests === 0 || result.statuses[expected] !== result.requests) {
      throw new Error(
        `${server.app.name}: expected ${result.requests} responses of ${server.app.status}, got ${JSON.stringify(result.statuses)} and ${result.errors} errors`,
      );
    }
    return {
      requestsPerSecond: result.requests / result.seconds,
      cpuPerRequest: (after[i]!.cpu - before[i]!.cpu) / result.requests,
      p50: result.p50,
      p99: result.p99,
      rss: after[i]!.rss,
    };
  });
}

export function startLoad(): ChildProcess {
  return start('load.ts');
}

export async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    }),
  );
}

export async function runHttp(options: HttpOptions, log: (line: string) => void): Promise<Row[]> {
  const bareApps = new Set(Object.values(bareOf));
  const compared = apps.filter(
    (app) => !bareApps.has(app.name) && (!options.only || options.only.some((part) => app.name.includes(part))),
  );
  const baselineOf = (app: App) =>
    apps.find((candidate) => candidate.name === (app.baseline ?? bareOf[app.framework]))!;
  const rows = new Map<string, Row>();
  const rowOf = (app: App) =>
    rows.get(app.name) ??
    rows.set(app.name, { app, runs: [], baselineRuns: [], cpuRatios: [], rpsRatios: [] }).get(app.name)!;
  const load = startLoad();
  // Brought to speed before each measured run; the JIT of a fresh process needs it most.
  const warmUp = { ...options, amount: Math.min(options.amount, 5_000), seconds: 1 };
  try {
    for (let round = 0; round < options.rounds; round++) {
      const shift = (round * 5) % compared.length;
      const order = [...compared.slice(shift), ...compared.slice(0, shift)];
      const line: string[] = [];
      for (const [i, app] of order.entries()) {
        // Fresh processes for every run: a process keeps for its whole life whatever its JIT and heap
        // happened to settle on (kept through all rounds, a row doing strictly less work than another
        // measured 10% dearer in nearly every round), so each round draws new ones for the median to
        // average that out.
        const [server, baseline] = await Promise.all([startServer(app), startServer(baselineOf(app))]);
        try {
          // Which of the pair autocannon connects first changes from one pair to the next.
          const baselineFirst = (round + i) % 2 === 0;
          const pair = baselineFirst ? [baseline, server] : [server, baseline];
          await measure(load, pair, warmUp);
          const runs = await measure(load, pair, options);
          const [baselineRun, run] = (baselineFirst ? runs : runs.reverse()) as [Run, Run];
          const cpuRatio = baselineRun.cpuPerRequest / run.cpuPerRequest;
          const row = rowOf(app);
          row.runs.push(run);
          row.baselineRuns.push(baselineRun);
          row.cpuRatios.push(cpuRatio);
          row.rpsRatios.push(run.requestsPerSecond / baselineRun.requestsPerSecond);
          if (bareApps.has(baseline.app.name)) {
            const bareRow = rowOf(baseline.app);
            bareRow.runs.push(baselineRun);
            bareRow.cpuRatios.push(1);
            bareRow.rpsRatios.push(1);
          }
          line.push(`${app.name} ${cpuRatio.toFixed(2)}`);
        } finally {
          await stop([server.child, baseline.child]);
        }
      }
      log(`round ${round + 1}/${options.rounds}, CPU ratios: ${line.join(', ')}`);
    }
    return apps.flatMap((app) => rows.get(app.name) ?? []);
  } finally {
    await stop([load]);
  }
}

export interface Growth {
  app: string;
  rssAfter5s: number;
  rssAfter30s: number;
}

/** RSS of a fresh server after 5 s of load and again after 30 s in all: memory that grows with traffic shows here. */
export async function runGrowth(name: string, connections: number): Promise<Growth> {
  const app = apps.find((candidate) => candidate.name === name)!;
  const load = startLoad();
  const server = await startServer(app);
  try {
    const [first] = await measure(load, [server], { seconds: 5, amount: 10_000_000, connections });
    const [second] = await measure(load, [server], { seconds: 25, amount: 10_000_000, connections });
    return { app: name, rssAfter5s: first!.rss, rssAfter30s: second!.rss };
  } finally {
    await stop([load, server.child]);
  }
}
