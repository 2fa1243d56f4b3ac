// One benchmark server in its own process: bench/http.ts starts it with the row's name and reads its CPU
// time and memory from /proc, so nothing is asked of it but HTTP. bench/profile.ts asks it over IPC to
// run V8's profiler around the stretch it measures; bench/pace.ts, to time a fixed piece of work;
// bench/gc.ts, to add up its garbage collections.
//   BENCH_APP=koa-bare node --import tsx bench/server.ts
import { Session } from 'node:inspector/promises';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { apps, gcProbes } from './apps.ts';
import type { GcReport, ServerMessage } from './http.ts';

// tsx turns source maps on, as a production server does not run: of all the code measured only
// codat-errors' dist has maps, so every printed stack would be translated on its frames alone.
process.setSourceMapsEnabled(false);

const servable = [...apps, ...gcProbes];
const app = servable.find((candidate) => candidate.name === process.env.BENCH_APP);
if (!app || !process.send)
  throw new Error(
    `bench/server.ts: run it through bench/http.ts with BENCH_APP set to one of ${servable.map((a) => a.name).join(', ')}`,
  );
const server = await app.start();
// The load keeps its connections for the whole round, idle between slices for longer than Node's 5 s.
server.keepAliveTimeout = 0;
const address = server.address();
process.send(typeof address === 'object' && address ? address.port : 0);
const inspector = new Session();
// Always the same work, on the server's own thread: how long it takes says how fast the CPU runs just now.
const fixedWork = () => {
  let length = 0;
  for (let i = 0; i < 8000; i++) length += JSON.stringify({ id: i, name: 'x'.repeat(i % 50), tags: [i] }).length;
  return length;
};
const collections: GcReport = { minor: { ms: 0, count: 0 }, major: { ms: 0, count: 0 } };
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const { kind } = (entry as unknown as { detail: { kind: number } }).detail;
    const collection = collections[kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'minor' : 'major'];
    collection.ms += entry.duration;
    collection.count++;
  }
});
process.on('message', async (message: ServerMessage) => {
  if (message === 'gc') {
    gcObserver.observe({ entryTypes: ['gc'] });
    process.send!('observing');
  } else if (message === 'gc-report') {
    gcObserver.disconnect();
    process.send!(collections);
  } else if (message === 'pace') {
    const started = performance.now();
    fixedWork();
    process.send!(performance.now() - started);
  } else if (message === 'profile') {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
    process.send!('profiling');
  } else {
    const { profile } = await inspector.post('Profiler.stop');
    process.send!(profile);
  }
});
process.on('disconnect', () => process.exit(0));
