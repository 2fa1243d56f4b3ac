// The HTTP benchmark, time-sliced. In each round, a few rows of one framework at a time, with the bare
// app of their framework in two processes (the bare app and its twin), have their servers started anew,
// each in its own process pinned to one CPU, with the load (this process) pinned to the other, and warmed
// up. All of them stay up; one at a time, each is driven for a short slice over keep-alive connections,
// every server once per cycle in a new random order, and its CPU time per request is read from /proc
// around its slice. A row and the bare app it is compared with are thus measured moments apart, many
// times over, never at the same time. Of the cycles of a round, the quiet ones are kept: those in which
// the rest of the machine used less than a set share of a CPU, or, when too few were, the quietest share
// of them. The twin against the bare app is the error of the method in that group: a group whose twin
// comes out more than 0.03 from 1.00 is measured again, with fresh processes.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { apps, bareOf, twinOf, type App } from './apps.ts';
import { openLoad } from './driver.ts';
import { machineBusy, processCpu, residentMemory } from './proc.ts';

export interface HttpOptions {
  /** Rounds of a run, each with processes of its own. */
  rounds: number;
  /** Rows up at once: a framework's rows are measured in groups of this many, with their bare app. */
  group: number;
  cycles: number;
  /** How long one row is driven in a cycle, ms. */
  slice: number;
  connections: number;
  /** A cycle is quiet when the rest of the machine used less than this share of one CPU during it. */
  noise: number;
  /** The share of the cycles of a round kept at least: the quietest, when fewer were quiet. */
  quiet: number;
  /** Run only the apps whose name includes one of these (and the bare apps they are compared with). */
  only?: string[];
}

export interface Row {
  app: App;
  /** Per round: server CPU per request over the kept cycles, µs. */
  cpuPerRequest: number[];
  /** Per round: the baseline's CPU per request over this row's (1 = as cheap as the bare app). */
  cpuRatios: number[];
  /** Per round: resident memory at the end of the round, bytes. */
  rss: number[];
}

/** The app a row is compared with: the bare app of its framework, unless it names another. */
export const baselineOf = (app: App): App =>
  apps.find((candidate) => candidate.name === (app.baseline ?? bareOf[app.framework]))!;

/** How far from 1.00 a group's twin may come out for the group's figures to count. */
export const aaTolerance = 0.03;
/** Times a group is measured at most, each with fresh processes, until its twin comes out within `aaTolerance`. */
const maxTries = 3;

const pinned = cpus().length > 1;
/** Load a fresh server gets before it is measured, ms (why so much: at its use in runRound). */
export const warmUp = 1500;
const stableHeap = ['--min-semi-space-size=16', '--max-semi-space-size=16'];
export const loadCpu = '0';
const serverCpu = '1';

/** Pins every thread of `pid` to `cpu`. */
export function pin(pid: number, cpu: string): void {
  if (pinned) execFileSync('taskset', ['-a', '-p', '-c', cpu, String(pid)], { stdio: 'ignore' });
}

export interface Server {
  app: App;
  child: ChildProcess;
  port: number;
}

/** Starts `app`'s server in a process of its own, pinned; `nodeOptions` go to its Node.js (a profiler, say). */
export async function startServer(app: App, nodeOptions: string[] = []): Promise<Server> {
  // The servers' stderr is dropped: Koa prints the stack of every 500 there, which is part of the cost measured.
  const script = new URL('server.ts', import.meta.url).pathname;
  // Two processes of the same app differed by up to 10% in CPU per request, round after round: without
  // address-space randomization (setarch -R) and with a young generation of fixed size, by far less.
  const node = [process.execPath, ...stableHeap, ...nodeOptions, '--import', 'tsx', script];
  const child = spawn(pinned ? 'setarch' : node[0]!, pinned ? ['-R', ...node] : node.slice(1), {
    env: { ...process.env, BENCH_APP: app.name },
    stdio: ['ignore', 'inherit', 'ignore', 'ipc'],
  });
  const [port] = (await once(child, 'message')) as [number];
  pin(child.pid!, serverCpu);
  return { app, child, port };
}

/** What bench/server.ts answers over IPC: its profiler, its pace, its garbage collections. */
export type ServerMessage = 'profile' | 'profiled' | 'pace' | 'gc' | 'gc-report';

/** A server's answer to 'gc-report': milliseconds of pause and count of its collections since 'gc', by kind. */
export interface GcReport {
  minor: { ms: number; count: number };
  major: { ms: number; count: number };
}

/** Sends a server one of the messages it answers, and returns its answer. */
export async function ask<T>(server: Server, message: ServerMessage): Promise<T> {
  server.child.send(message);
  return ((await once(server.child, 'message')) as [T])[0];
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

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

// Interrupts the benchmark's own processes were charged for can make the rest come out below zero.
const percent = (share: number) => `${(Math.max(0, share) * 100).toFixed(1)}%`;

interface Cycle {
  /** CPU time the rest of the machine used during the cycle, per ns of the cycle. */
  noise: number;
  /** Per server: CPU ns and requests of its slice. */
  slices: Map<string, { cpu: number; requests: number }>;
}

/** The apps a run measures: those asked for, and the apps they are compared with. */
export function selected(only: string[] | undefined): App[] {
  const asked = apps.filter((app) => !only || only.some((part) => app.name.includes(part)));
  // A row's framework's bare app and twin come with it: without its A/A control no figure of its group
  // can be trusted.
  const needed = new Set(
    asked.flatMap((app) => [app.name, baselineOf(app).name, bareOf[app.framework], twinOf(app.framework)]),
  );
  return apps.filter((app) => needed.has(app.name));
}

async function runRound(
  rowsApps: App[],
  options: HttpOptions,
  round: number,
  log: (line: string) => void,
): Promise<Map<string, Omit<Row, 'app'>>> {
  const servers: Server[] = [];
  try {
    // Started all at once (they are pinned, and measured, only once up), each kept for stopping even if another fails.
    await Promise.all(rowsApps.map(async (app) => servers.push(await startServer(app))));
    const loads = new Map(
      await Promise.all(
        servers.map(
          async (server) =>
            [server.app.name, await openLoad(server.port, options.connections, server.app.headers)] as const,
        ),
      ),
    );
    try {
      const drive = async (server: Server, ms: number) => {
        const slice = await loads.get(server.app.name)!.drive(ms);
        const wrong = [...slice.statuses].filter(([status]) => status !== server.app.status);
        if (wrong.length > 0 || slice.requests === 0)
          throw new Error(`bench: ${server.app.name} should answer ${server.app.status}, got ${JSON.stringify(wrong)}`);
        return slice.requests;
      };
      // Warm-up: a fresh Koa process answers its first 5,000 requests at 2 to 20 times the CPU per request
      // of its steady state (V8 has not optimized it yet); 1.5 s of load is past that on every row.
      for (const server of shuffled(servers)) await drive(server, warmUp);
      const cycles: Cycle[] = [];
      for (let c = 0; c < options.cycles; c++) {
        const slices = new Map<string, { cpu: number; requests: number }>();
        const started = process.hrtime.bigint();
        const busyBefore = machineBusy();
        const selfBefore = processCpu(process.pid);
        let measured = 0;
        for (const server of shuffled(servers)) {
          const before = processCpu(server.child.pid!);
          const requests = await drive(server, options.slice);
          const cpu = processCpu(server.child.pid!) - before;
          measured += cpu;
          slices.set(server.app.name, { cpu, requests });
        }
        const others = machineBusy() - busyBefore - measured - (processCpu(process.pid) - selfBefore);
        cycles.push({ noise: others / Number(process.hrtime.bigint() - started), slices });
      }
      // On a quiet machine every cycle is kept (keeping fewer only adds chance); on a busy one, the quietest.
      const kept = cycles
        .sort((x, y) => x.noise - y.noise)
        .filter(
          (cycle, i) => cycle.noise < options.noise || i < Math.max(1, Math.round(cycles.length * options.quiet)),
        );
      log(
        `  round ${round}, ${rowsApps[0]!.framework} (${rowsApps.length} servers): ${kept.length} of ${cycles.length} cycles kept (rest of the machine: ${percent(kept.at(-1)!.noise)} of a CPU at most; ${percent(cycles.at(-1)!.noise)} in the busiest cycle)`,
      );
      const perRequest = (name: string) => {
        let cpu = 0;
        let requests = 0;
        for (const cycle of kept) {
          const slice = cycle.slices.get(name)!;
          cpu += slice.cpu;
          requests += slice.requests;
        }
        return cpu / requests / 1000;
      };
      // The twin against the bare app alone is the group's A/A control; a row is compared with both
      // together, two processes' worth of the bare app, so that one process's luck weighs half as much.
      const bareName = bareOf[rowsApps[0]!.framework];
      const twinName = twinOf(rowsApps[0]!.framework);
      const bare = perRequest(bareName);
      const twin = perRequest(twinName);
      const baselineCpu = (app: App) => {
        if (app.name === twinName) return bare;
        const baseline = baselineOf(app).name;
        return baseline === bareName && app.name !== bareName ? (bare + twin) / 2 : perRequest(baseline);
      };
      return new Map(
        servers.map((server) => {
          const own = perRequest(server.app.name);
          return [
            server.app.name,
            {
              cpuPerRequest: [own],
              cpuRatios: [baselineCpu(server.app) / own],
              rss: [residentMemory(server.child.pid!)],
            },
          ];
        }),
      );
    } finally {
      for (const load of loads.values()) load.close();
    }
  } finally {
    await stop(servers.map((server) => server.child));
  }
}

/**
 * The servers of a round, a few at a time: each framework's rows in groups of at most `size`, in the
 * order of `apps` (so that a row's floor and ours on success share a group), each with the bare app of
 * its framework. A row compared with another row (asyncContext on, with off) is kept in that row's group.
 */
export function groupsOf(rowsApps: App[], size: number): App[][] {
  const groups: App[][] = [];
  for (const framework of new Set(rowsApps.map((app) => app.framework))) {
    const bare = rowsApps.find((app) => app.name === bareOf[framework])!;
    const twin = rowsApps.find((app) => app.name === twinOf(framework))!;
    const units: App[][] = [];
    for (const app of rowsApps) {
      if (app.framework !== framework || app === bare || app === twin) continue;
      const partner = units.find((unit) => unit.some((row) => row.name === app.baseline));
      if (partner) partner.push(app);
      else units.push([app]);
    }
    let group: App[] = [];
    for (const unit of units) {
      if (group.length > 0 && group.length + unit.length > size) {
        groups.push([bare, twin, ...group]);
        group = [];
      }
      group.push(...unit);
    }
    groups.push([bare, twin, ...group]);
  }
  return groups;
}

export interface Run {
  rows: Row[];
  /** Groups measured over the rounds, and how many of them again because their twin came out off. */
  groups: number;
  reruns: number;
}

/** One run: `rounds` rounds of every selected row, a few rows of one framework at a time. */
export async function runHttp(options: HttpOptions, log: (line: string) => void): Promise<Run> {
  pin(process.pid, loadCpu);
  const rowsApps = selected(options.only);
  const rows = new Map(
    rowsApps.map((app): [string, Row] => [app.name, { app, cpuPerRequest: [], cpuRatios: [], rss: [] }]),
  );
  // A row is only ever compared with the bare app of its own framework, so a few rows of one framework
  // have a round of their own: with the forty-odd servers of every framework up at once, the CPU time per
  // request of every one of them rose up to fivefold within a round, and the A/A control went to 0.8;
  // with the eleven of Koa's rows up at once, a row's ratio still spread 0.04–0.06 (standard deviation)
  // from round to round, against 0.014–0.026 with five.
  const groups = groupsOf(rowsApps, options.group);
  let reruns = 0;
  for (let round = 0; round < options.rounds; round++) {
    const results = new Map<string, Omit<Row, 'app'>>();
    for (const group of shuffled(groups)) {
      const twin = twinOf(group[0]!.framework);
      const offBy = (measured: Map<string, Omit<Row, 'app'>>) => Math.abs(measured.get(twin)!.cpuRatios[0]! - 1);
      let best = await runRound(group, options, round + 1, log);
      for (let tries = 1; tries < maxTries && offBy(best) > aaTolerance; tries++) {
        log(`  the twin came out ${best.get(twin)!.cpuRatios[0]!.toFixed(3)}: the group again, with fresh processes`);
        reruns++;
        const again = await runRound(group, options, round + 1, log);
        if (offBy(again) < offBy(best)) best = again;
      }
      for (const [name, result] of best) {
        // A bare app and its twin are up in every group of their framework: their figures are those of the first.
        if (!results.has(name)) results.set(name, result);
      }
    }
    for (const [name, result] of results) {
      const row = rows.get(name)!;
      row.cpuPerRequest.push(...result.cpuPerRequest);
      row.cpuRatios.push(...result.cpuRatios);
      row.rss.push(...result.rss);
    }
    log(
      `  round ${round + 1}/${options.rounds}: ${[...results]
        .filter(([name]) => !Object.values(bareOf).includes(name))
        .map(([name, result]) => `${name} ${result.cpuRatios[0]!.toFixed(3)}`)
        .join(', ')}`,
    );
  }
  return { rows: [...rows.values()], groups: groups.length * options.rounds, reruns };
}

export interface Growth {
  app: string;
  rssAfter5s: number;
  rssAfter30s: number;
}

/** RSS of a fresh server after 5 s of load and again after 30 s in all: memory that grows with traffic shows here. */
export async function runGrowth(name: string, connections: number): Promise<Growth> {
  const app = apps.find((candidate) => candidate.name === name)!;
  pin(process.pid, loadCpu);
  const server = await startServer(app);
  const load = await openLoad(server.port, connections, app.headers);
  try {
    await load.drive(5_000);
    const rssAfter5s = residentMemory(server.child.pid!);
    await load.drive(25_000);
    return { app: name, rssAfter5s, rssAfter30s: residentMemory(server.child.pid!) };
  } finally {
    load.close();
    await stop([server.child]);
  }
}
