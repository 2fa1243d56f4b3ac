// One benchmark server in its own process: bench/http.ts forks it with the row's name, and asks it
// over IPC (never over the HTTP port under load) for its own CPU time and memory.
//   BENCH_APP=koa-bare node --import tsx bench/server.ts
import { apps } from './apps.ts';

// tsx turns source maps on, as a production server does not run: of all the code measured only
// codat-errors' dist has maps, so every printed stack would be translated on its frames alone.
process.setSourceMapsEnabled(false);

export interface ServerStats {
  /** User plus system CPU time of this process, µs. */
  cpu: number;
  rss: number;
}

const app = apps.find((candidate) => candidate.name === process.env.BENCH_APP);
if (!app || !process.send)
  throw new Error(
    `bench/server.ts: run it through bench/http.ts with BENCH_APP set to one of ${apps.map((a) => a.name).join(', ')}`,
  );
const server = await app.start();
const address = server.address();
process.send(typeof address === 'object' && address ? address.port : 0);
process.on('message', () => {
  const { user, system } = process.cpuUsage();
  process.send!({ cpu: user + system, rss: process.memoryUsage.rss() } satisfies ServerStats);
});
process.on('disconnect', () => process.exit(0));
