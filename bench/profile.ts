// npm run bench:profile: where the CPU time of a row goes, next to its baseline. Each server, pinned as in
// the benchmark and warmed up, runs V8's sampling profiler while driven over keep-alive connections;
// the samples are split into µs per request by owner (codat-errors, each package, Node.js itself, GC)
// and by function, and the row's figures are shown beside the baseline's with the difference. The
// baseline is the bare app of the row's framework, or the row `--baseline` names (its floor, say).
//   npm run bench:profile -- [--app koa-ours-402] [--baseline koa-id-floor] [--seconds 8] [--top 25]
import { parseArgs } from 'node:util';
import { type App, rowNamed } from './apps.ts';
import { openLoad } from './driver.ts';
import { ask, baselineOf, loadCpu, pin, startServer, stop } from './http.ts';

const { values } = parseArgs({
  options: {
    app: { type: 'string', default: 'koa-ours-402' },
    baseline: { type: 'string' },
    seconds: { type: 'string', default: '8' },
    top: { type: 'string', default: '25' },
    connections: { type: 'string', default: '8' },
  },
});
const app = rowNamed('bench:profile', 'app', values.app);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Who a frame's code belongs to: codat-errors, a package of node_modules, Node.js, or V8's own work. */
function ownerOf({ url, functionName }: ProfileNode['callFrame']): string {
  if (url.includes('/dist/') && !url.includes('node_modules')) return 'codat-errors';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'Node.js (JS)';
  if (functionName === '(garbage collector)') return 'GC';
  if (url === '') return `native ${functionName || '(anonymous)'}`;
  return url;
}

/** µs per request of each owner and of each function, over the measured stretch. */
async function profiled(target: App, seconds: number) {
  const server = await startServer(target);
  const load = await openLoad(server.port, Number(values.connections), target.headers);
  try {
    await load.drive(2_000);
    await ask(server, 'profile');
    const { requests } = await load.drive(seconds * 1000);
    const profile = await ask<Profile>(server, 'profiled');
    const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const owners = new Map<string, number>();
    const functions = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id)!;
      if (frame.functionName === '(idle)') return;
      const us = profile.timeDeltas[i]! / requests;
      const owner = ownerOf(frame);
      owners.set(owner, (owners.get(owner) ?? 0) + us);
      const key = `${frame.functionName || '(anonymous)'} ${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
      functions.set(key, (functions.get(key) ?? 0) + us);
    });
    return { owners, functions, requests };
  } finally {
    load.close();
    await stop([server.child]);
  }
}

pin(process.pid, loadCpu);
const seconds = Number(values.seconds);
const baseline =
  values.baseline === undefined ? baselineOf(app) : rowNamed('bench:profile', 'baseline', values.baseline);
const base = await profiled(baseline, seconds);
const row = await profiled(app, seconds);

function table(title: string, ofRow: Map<string, number>, ofBase: Map<string, number>, top: number) {
  const keys = [...new Set([...ofRow.keys(), ...ofBase.keys()])]
    .map((key) => ({ key, rowUs: ofRow.get(key) ?? 0, baseUs: ofBase.get(key) ?? 0 }))
    .sort((x, y) => Math.abs(y.rowUs - y.baseUs) - Math.abs(x.rowUs - x.baseUs))
    .slice(0, top);
  console.log(`\n| ${title} | ${baseline.name} µs/req | ${app.name} µs/req | difference |`);
  console.log('| --- | --- | --- | --- |');
  for (const { key, rowUs, baseUs } of keys) {
    const difference = rowUs - baseUs;
    console.log(
      `| ${key.replaceAll('|', '\\|')} | ${baseUs.toFixed(2)} | ${rowUs.toFixed(2)} | ${difference >= 0 ? '+' : ''}${difference.toFixed(2)} |`,
    );
  }
}

const total = (map: Map<string, number>) => [...map.values()].reduce((sum, us) => sum + us, 0);
console.log(
  `${baseline.name}: ${base.requests} requests, ${total(base.owners).toFixed(1)} µs/req sampled; ` +
    `${app.name}: ${row.requests} requests, ${total(row.owners).toFixed(1)} µs/req sampled`,
);
table('owner', row.owners, base.owners, 20);
table('function', row.functions, base.functions, Number(values.top));
