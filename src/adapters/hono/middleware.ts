import type { Context, MiddlewareHandler, Next } from 'hono';
import { isErrorEnvelope } from '../../contract/shape.js';
import type { Engine } from '../../core/engine.js';
import type { CodatErrorsOptions } from '../../core/options.js';
import { printFailure } from '../../core/report.js';
import { webEngine } from '../../web/engine.js';
import { headerRecord, requestLine } from '../../web/request.js';
import { envelopeResponse, withHeader } from '../../web/response.js';
import { fromHono, isHonoDefault } from './hono-errors.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's correlation id, set by `codatErrors()`. */
    correlationId: string;
  }
}

type Correlation = readonly [header: string, id: string];

/**
 * Hono middleware that answers every error with the Codat envelope and stamps a correlation id on
 * every response (`c.get('correlationId')`): what Hono routes to `app.onError` (an app's own handler
 * still runs, its answer replaced unless it is an envelope), a thrown non-error, which Hono does not,
 * an `HTTPException`, an unmatched route, a 405 of Hono's `methodNotAllowed`, and an error status
 * returned without a body. Use it first.
 *
 * @example
 * app.use(codatErrors({ service: 'PublicApi' }));
 */
export function codatErrors(options?: CodatErrorsOptions): MiddlewareHandler {
  const engine = webEngine(options);
  const { correlate, correlationReads, runInContext } = engine;
  return function codatErrorsMiddleware(c, next) {
    const correlationId = correlate(headerRecord(c.req.raw.headers, correlationReads));
    c.set('correlationId', correlationId);
    // Set before the handler runs, the header goes into the response Hono builds (c.json, c.text): a
    // response built without it keeps its headers as a plain record, which withHeader() would then copy
    // into a new Headers (0.7 µs sampled of Hono's 30 a request, `npm run bench:profile -- --app
    // hono-ours-ok --baseline hono-id-floor`).
    c.header(engine.correlationHeader, correlationId);
    const correlation = [engine.correlationHeader, correlationId] as const;
    return runInContext
      ? runInContext(correlationId, () => handle(c, next, engine, correlation))
      : handle(c, next, engine, correlation);
  };
}

async function handle(c: Context, next: Next, engine: Engine, correlation: Correlation): Promise<void> {
  try {
    await next();
  } catch (thrown) {
    // A thrown non-error: Hono hands only an Error to app.onError.
    replace(c, failed(engine, thrown, thrown, c, correlation));
    return;
  }
  const response = c.res;
  if (c.error !== undefined) {
    if (!(await isEnvelope(response))) replace(c, failed(engine, fromHono(c.error), c.error, c, correlation));
    else replace(c, withHeader(response, ...correlation));
    return;
  }
  if (response.status >= 400 && (response.body === null || (await isHonoDefault(response)))) {
    const error = engine.errorStatus(response.status, requestLine(c.req.raw), correlation[1]);
    replace(c, envelopeResponse(error, c.req.method, correlation, response.headers));
    return;
  }
  replace(c, withHeader(response, ...correlation));
}

/** Sets `c.res` as it is: Hono's setter would otherwise copy the replaced response's headers onto it. */
function replace(c: Context, response: Response): void {
  if (response === c.res) return;
  c.res = undefined;
  c.res = response;
}

/** The envelope of a thrown value; a 5xx is printed (as thrown), with its id, when the app has no logger. */
function failed(engine: Engine, thrown: unknown, printed: unknown, c: Context, correlation: Correlation): Response {
  const line = requestLine(c.req.raw);
  const error = engine.failure(thrown, line, correlation[1]);
  if (error.status >= 500 && !engine.logger) {
    printFailure(printed, { correlationId: correlation[1], statusCode: error.status, ...line });
  }
  return envelopeResponse(error, c.req.method, correlation);
}

/** True when the app's `onError` answered with an envelope already (built with `toEnvelope`, say). */
async function isEnvelope(response: Response): Promise<boolean> {
  if (!response.headers.get('content-type')?.startsWith('application/json')) return false;
  try {
    return isErrorEnvelope(await response.clone().json());
  } catch {
    return false;
  }
}
