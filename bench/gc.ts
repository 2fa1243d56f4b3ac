// npm run bench:gc: how much of a server's time under load goes to collecting garbage. Each row's
// server, pinned and warmed up as in the benchmark, is driven for a while and adds up the pauses of its
// collections (a PerformanceObserver of 'gc'); the rows are run one after the other. Besides the rows of
// the benchmark, `node-http-plain` and `node-http-prototypes` (bench/apps.ts, gcProbes) show what
// Express's two Object.setPrototypeOf calls per request do alone.
//   npm run bench:gc -- [--app express-bare --app koa-bare] [--seconds 3]
import { parseArgs } from 'node:util';
import { apps, gcProbes, rowNamed } from './apps.ts';
import { openLoad } from './driver.ts';
import { ask, type GcReport, loadCpu, pin, startServer, stop, warmUp } from './http.ts';

const { values } = parseArgs({
  options: {
    app: {
      type: 'string',
      multiple: true,
      default: ['node-http-plain', 'node-http-prototypes', 'koa-bare', 'express-bare'],
    },
    seconds: { type: 'string', default: '3' },
  },
});
const rows = values.app.map((name) => rowNamed('bench:gc', 'app', name, [...apps, ...gcProbes]));
const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new TypeError(`bench:gc: --seconds must be a positive number, got ${values.seconds}`);

pin(process.pid, loadCpu);
console.log(
  `| row | requests in ${seconds} s | scavenges: ms (count) | other collections: ms (count) | GC µs per request |`,
);
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) {
  const server = await startServer(row);
  const load = await openLoad(server.port, 8, row.headers);
  try {
    await load.drive(warmUp);
    await ask(server, 'gc');
    const { requests } = await load.drive(seconds * 1000);
    const { minor, major } = await ask<GcReport>(server, 'gc-report');
    const perRequest = ((minor.ms + major.ms) * 1000) / requests;
    console.log(
      `| ${row.name} | ${requests} | ${minor.ms.toFixed(0)} (${minor.count}) | ${major.ms.toFixed(0)} (${major.count}) | ${perRequest.toFixed(1)} |`,
    );
  } finally {
    load.close();
    await stop([server.child]);
  }
}
