// Serves the runtimes' app with Bun.serve on a free port and prints its address.
import app from './app.ts';

declare const Bun: { serve(options: object): { url: URL } };

const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch });
console.log(server.url.href);
