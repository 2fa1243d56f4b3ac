// A Cloudflare Worker with the routes of the Koa example: `npx wrangler dev examples/worker.js` (no
// nodejs_compat needed). Every response carries x-correlation-id; every error is the envelope.
import { withCodatErrors, getCorrelationId, MethodNotAllowed } from 'codat-errors/fetch';
import { handlers } from './routes.js';

/** The path's parameters when `pattern` (`/invoices/:id/pdf`) matches `path`. */
function match(pattern, path) {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params = {};
  for (const [index, part] of want.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(got[index]);
    else if (part !== got[index]) return undefined;
  }
  return params;
}

async function route(request, env, ctx) {
  const url = new URL(request.url);
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const allowed = [];
  for (const [routeMethod, pattern, handle] of handlers) {
    const params = match(pattern, url.pathname);
    if (!params) continue;
    allowed.push(...(routeMethod === 'GET' ? ['HEAD', 'GET'] : [routeMethod]));
    if (routeMethod !== method) continue;
    // Without async context, the id comes from the request: log it with what the Worker logs.
    ctx?.waitUntil?.(Promise.resolve(console.log(JSON.stringify({ correlationId: getCorrelationId(request) }))));
    return Response.json(handle({ params, query: Object.fromEntries(url.searchParams) }));
  }
  if (allowed.length > 0) throw new MethodNotAllowed([...new Set(allowed)]);
  return new Response(null, { status: 404 }); // the 404 envelope
}

export default { fetch: withCodatErrors(route, { service: 'PublicApi' }) };
