// A Hono app with the routes of the Koa example, on Node: `npm run start:hono`, then `curl -i localhost:3000/`.
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { codatErrors, MethodNotAllowed, type CodatErrorsOptions } from 'codat-errors/hono';
import { handlers as untyped } from './routes.js';

type Handle = (input: { params: Record<string, string>; query: Record<string, string> }) => unknown;
const handlers = untyped as unknown as Array<[method: string, path: string, handle: Handle]>;

export { routes } from './routes.js';

const json = { 'content-type': 'application/json; charset=utf-8' };
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The methods a path answers, listed as @koa/router's allowedMethods() lists them. */
function allowedMethods(path: string): string[] {
  const answered = handlers
    .filter(([, pattern]) => pattern === path)
    .flatMap(([method]) => (method === 'GET' ? ['HEAD', 'GET'] : [method]));
  return [...new Set(answered)];
}

export function createApp(options: CodatErrorsOptions = {}): Hono {
  const app = new Hono();
  app.use(codatErrors({ service: 'PublicApi', ...options }));
  // Hono's default onError prints every Error it is handed, a 404 included; codat-errors prints each
  // 5xx with its id, and this answer becomes the envelope.
  app.onError((_error, c) => c.body(null, 500));

  for (const [method, path, handle] of handlers) {
    // The JSON as Koa sends it, charset included, so that the examples answer the same bytes and headers.
    app.on(method, path, (c) =>
      c.body(JSON.stringify(handle({ params: c.req.param(), query: c.req.query() })), 200, json),
    );
  }
  // A known path asked with another method is a 405 with Allow, and OPTIONS lists the methods, as in
  // the Koa example.
  for (const path of new Set(handlers.map(([, pattern]) => pattern))) {
    const allowed = allowedMethods(path);
    app.on(
      methods.filter((method) => !allowed.includes(method)),
      path,
      (c) => {
        if (c.req.method !== 'OPTIONS') throw new MethodNotAllowed(allowed);
        return c.body(null, 200, { allow: allowed.join(', ') });
      },
    );
  }
  return app;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = serve(
    { fetch: createApp().fetch, port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' },
    (info) => console.log(`codat-errors Hono example on http://127.0.0.1:${info.port}/`),
  );
  process.on('SIGTERM', () => server.close());
}
