import { describe } from '../../contract/describe.js';
import type { Engine } from '../../core/engine.js';
import type { CodatErrorsOptions } from '../../core/options.js';
import { printFailure } from '../../core/report.js';
import { getCorrelationId as contextId } from '../../correlation/context.js';
import { webEngine } from '../../web/engine.js';
import { headerRecord, requestLine } from '../../web/request.js';
import { envelopeResponse, withHeader } from '../../web/response.js';

/** A web-standard handler: Workers' `fetch(request, env, ctx)`, `Bun.serve`, `Deno.serve`, a Next.js route. */
export type FetchHandler<Req extends Request = Request, Rest extends unknown[] = unknown[]> = (
  request: Req,
  ...rest: Rest
) => Response | Promise<Response>;

/** The id chosen for each request in progress, for `getCorrelationId(request)`. */
const ids = new WeakMap<Request, string>();

/**
 * Wraps a fetch handler: every response carries the correlation header, everything thrown or
 * rejected becomes the envelope, and a returned error status without a body (`new Response(null,
 * { status: 404 })`) becomes it too, its headers kept. The options are the Koa middleware's; an invalid
 * one throws here. Extra arguments (Workers' `env` and `ctx`, Next.js's `context`) are passed through.
 *
 * @example
 * export default { fetch: withCodatErrors(async (request, env, ctx) => router(request), { service: 'PublicApi' }) };
 */
export function withCodatErrors<Req extends Request, Rest extends unknown[]>(
  handler: FetchHandler<Req, Rest>,
  options?: CodatErrorsOptions,
): (request: Req, ...rest: Rest) => Promise<Response> {
  if (typeof handler !== 'function') {
    throw new TypeError(
      `codat-errors: withCodatErrors(handler, options) takes the fetch handler first, a function (request) => Response; got ${describe(handler)}`,
    );
  }
  const engine = webEngine(options);
  const { correlate, correlationReads, runInContext } = engine;
  return function codatErrorsFetch(request, ...rest) {
    const correlationId = correlate(headerRecord(request.headers, correlationReads));
    ids.set(request, correlationId);
    const respond = () => answer(engine, () => handler(request, ...rest), request, correlationId);
    return runInContext ? runInContext(correlationId, respond) : respond();
  };
}

async function answer(
  engine: Engine,
  handle: () => Response | Promise<Response>,
  request: Request,
  correlationId: string,
): Promise<Response> {
  const correlation = [engine.correlationHeader, correlationId] as const;
  let response: unknown;
  try {
    response = await handle();
  } catch (thrown) {
    return failed(engine, thrown, request, correlation);
  }
  if (!(response instanceof Response)) {
    const wrong = new TypeError(`codat-errors: the fetch handler returned ${describe(response)}, not a Response`);
    return failed(engine, wrong, request, correlation);
  }
  if (response.status >= 400 && response.body === null) {
    const error = engine.errorStatus(response.status, requestLine(request), correlationId);
    return envelopeResponse(error, request.method, correlation, response.headers);
  }
  return withHeader(response, ...correlation);
}

/** The envelope of a thrown value; a 5xx is printed, with its id, when the app has no logger. */
function failed(engine: Engine, thrown: unknown, request: Request, correlation: readonly [string, string]): Response {
  const line = requestLine(request);
  const error = engine.failure(thrown, line, correlation[1]);
  if (error.status >= 500 && !engine.logger) {
    printFailure(thrown, { correlationId: correlation[1], statusCode: error.status, ...line });
  }
  return envelopeResponse(error, request.method, correlation);
}

/**
 * The correlation id of `request`, chosen by `withCodatErrors` (no async context needed: a Worker
 * without `nodejs_compat` can log it); without an argument, the current request's, which takes
 * `asyncContext: true`.
 *
 * @example
 * console.log(JSON.stringify({ correlationId: getCorrelationId(request), msg: 'charging card' }));
 */
export function getCorrelationId(request?: Request): string | undefined {
  return request === undefined ? contextId() : ids.get(request);
}
