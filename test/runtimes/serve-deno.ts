// Serves the runtimes' app with Deno.serve on a free port and prints its address.
import app from './app.ts';

declare const Deno: { serve(options: object, handler: (request: Request) => unknown): unknown };

Deno.serve(
  {
    port: 0,
    hostname: '127.0.0.1',
    onListen: ({ port }: { port: number }) => console.log(`http://127.0.0.1:${port}/`),
  },
  app.fetch,
);
