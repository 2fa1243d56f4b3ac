// npm run bench:pace: is the machine steady enough for `npm run bench`? One bare server, pinned and warmed
// up as in the benchmark, driven in back-to-back slices; before each slice the server times a fixed piece
// of work of its own (no requests in flight). Prints both per slice: when the CPU per request jumps and the
// fixed work slows with it, the CPU itself ran slower (the host), not the server.
//   npm run bench:pace -- [--app koa-bare] [--slices 150] [--slice 100]
import { parseArgs } from 'node:util';
import { rowNamed } from './apps.ts';
import { openLoad } from './driver.ts';
import { ask, loadCpu, pin, startServer, stop, warmUp } from './http.ts';
import { processCpu } from './proc.ts';
import { median } from './report.ts';

const { values } = parseArgs({
  options: {
    app: { type: 'string', default: 'koa-bare' },
    slices: { type: 'string', default: '150' },
    slice: { type: 'string', default: '100' },
  },
});
const app = rowNamed('bench:pace', 'app', values.app);

pin(process.pid, loadCpu);
const server = await startServer(app);
const load = await openLoad(server.port, 8, app.headers);
try {
  await load.drive(warmUp);
  const cpuPerRequest: number[] = [];
  const work: number[] = [];
  for (let i = 0; i < Number(values.slices); i++) {
    work.push(await ask<number>(server, 'pace'));
    const before = processCpu(server.child.pid!);
    const { requests } = await load.drive(Number(values.slice));
    cpuPerRequest.push((processCpu(server.child.pid!) - before) / requests / 1000);
  }
  console.log('CPU µs/request : fixed work ms, per slice');
  console.log(cpuPerRequest.map((cpu, i) => `${cpu.toFixed(0)}:${work[i]!.toFixed(1)}`).join(' '));
  const fastest = Math.min(...cpuPerRequest);
  const slow = cpuPerRequest.filter((cpu) => cpu > fastest * 1.25).length;
  console.log(
    `CPU per request: fastest ${fastest.toFixed(1)} µs, median ${median(cpuPerRequest).toFixed(1)} µs; ${slow} of ${cpuPerRequest.length} slices over 1.25 × the fastest`,
  );
} finally {
  load.close();
  await stop([server.child]);
}
