// The app every runtime serves (Bun, Deno, workerd; Node through the registry): the shared case table
// thrown from a fetch handler wrapped by withCodatErrors and from a Hono app behind codatErrors(), and
// what each runtime gives of the id. It imports the package by name, as an app would, and nothing of Node.
import { Hono } from 'hono';
import { getCorrelationId, withCodatErrors } from 'codat-errors/fetch';
import { codatErrors } from 'codat-errors/hono';
import { cases } from '../support/cases.ts';

/** The 5xx the cases provoke stay off the runtime's console. */
const logger = { warn() {}, error() {} };

const hono = new Hono();
hono.use(codatErrors({ logger }));
hono.onError((_error, c) => c.body(null, 500));
hono.get('/hono/case/:index', (c) => {
  throw cases[Number(c.req.param('index'))]!.thrown();
});
hono.get('/hono/id', (c) => c.text(c.get('correlationId')));

/** What `asyncContext: true` said at set-up where the runtime has no AsyncLocalStorage. */
let setupError: string | null = null;

async function route(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const index = /^\/fetch\/case\/(\d+)$/.exec(path)?.[1];
  if (index !== undefined) throw cases[Number(index)]!.thrown();
  if (path === '/fetch/id') {
    await new Promise((resolve) => setTimeout(resolve, 1));
    const ids = { fromRequest: getCorrelationId(request), fromContext: getCorrelationId() ?? null, setupError };
    return new Response(JSON.stringify(ids), { headers: { 'content-type': 'application/json' } });
  }
  if (path === '/fetch/redirect') return Response.redirect('https://example.com/', 302);
  return new Response(null, { status: 404 });
}

function wrapped(): (request: Request) => Promise<Response> {
  try {
    return withCodatErrors(route, { logger, asyncContext: true });
  } catch (error) {
    setupError = (error as Error).message;
    return withCodatErrors(route, { logger });
  }
}

const handler = wrapped();

export default {
  fetch: (request: Request): Promise<Response> | Response =>
    new URL(request.url).pathname.startsWith('/hono/') ? hono.fetch(request) : handler(request),
};
