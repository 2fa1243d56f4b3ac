// Apps of the web entries on Node: a fetch handler wrapped by withCodatErrors, and a Hono app behind
// codatErrors(), both served through @hono/node-server's bridge from node:http to fetch handlers. The
// registry's entries and the tests of those entries build theirs here.
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { CodatErrorsOptions } from 'codat-errors';
import { withCodatErrors } from 'codat-errors/fetch';
import { codatErrors } from 'codat-errors/hono';
import { serve, type Served } from './serve.ts';

/** Neither entry has a framework printer to quiet: a logger that drops what it is told takes its place. */
const silent = { warn() {}, error() {} };
const quieted = (options: CodatErrorsOptions | undefined, quiet: boolean) =>
  quiet && options?.logger === undefined ? { ...options, logger: silent } : options;

export type FetchRoute = (request: Request, params: Record<string, string>) => Response | Promise<Response>;

/** `'GET /companies/:id'` (or a path alone, for any method) against a request's method and path. */
function match(key: string, method: string, path: string): Record<string, string> | undefined {
  const [routeMethod, pattern] = key.includes(' ') ? key.split(' ') : [undefined, key];
  if (routeMethod !== undefined && routeMethod !== method && !(routeMethod === 'GET' && method === 'HEAD')) return;
  const want = pattern!.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(got[index]!);
    else if (part !== got[index]) return;
  }
  return params;
}

/**
 * Serves `routes` as one fetch handler wrapped by withCodatErrors, as docs/fetch.md sets it up: a
 * request that no route matches gets `new Response(null, { status: 404 })`, which becomes the envelope.
 */
export function serveFetch(
  routes: Record<string, FetchRoute>,
  options?: CodatErrorsOptions,
  quiet = true,
): Promise<Served> {
  const handler = withCodatErrors(
    async (request: Request) => {
      const path = new URL(request.url).pathname;
      for (const [key, route] of Object.entries(routes)) {
        const params = match(key, request.method, path);
        if (params) return route(request, params);
      }
      return new Response(null, { status: 404 });
    },
    quieted(options, quiet),
  );
  return serve(getRequestListener(handler));
}

export type HonoApp = Hono;

/**
 * Serves codatErrors() first, then what `setup` adds. Hono's default onError prints every Error it
 * is handed (4xx included, without the id): an app's own onError quiets it, as docs/hono.md shows, so
 * that only codat-errors prints a 5xx, with its id.
 */
export function serveHono(
  setup: (app: HonoApp) => void,
  options?: CodatErrorsOptions,
  quiet = true,
): Promise<Served & { app: HonoApp }> {
  const app = new Hono();
  app.use(codatErrors(quieted(options, quiet)));
  app.onError((_error, c) => c.body(null, 500));
  setup(app);
  return serve(getRequestListener(app.fetch)).then((served) => ({ ...served, app }));
}
