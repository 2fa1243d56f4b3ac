import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { runWithCorrelationId } from './context.js';
import { normalize } from './normalize.js';
import { resolveOptions, type CodatErrorsOptions, type Settings } from './options.js';
import { renderProblem } from './render.js';
import { asError, reportError, type Thrown } from './report.js';
import { setErrorHeaders } from './write.js';

/** The part of Koa's context this middleware uses (Koa 2 and 3 alike). */
export interface KoaContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  status: number;
  body: unknown;
  state: Record<string, unknown>;
  readonly headerSent: boolean;
  readonly writable: boolean;
  app: { emit(event: 'error', error: Error, ctx: KoaContext): boolean };
  onerror(error: unknown): void;
}

export type KoaMiddleware = (ctx: KoaContext, next: () => Promise<unknown>) => Promise<void>;

/**
 * Koa middleware that answers every error with the Codat envelope and stamps a correlation id on
 * every response. Use it first.
 *
 * @example
 * app.use(codatErrors({ service: 'PublicApi' }));
 */
export function codatErrors(options?: CodatErrorsOptions): KoaMiddleware {
  const settings = resolveOptions(options);
  const { correlationHeader, correlate, asyncContext } = settings;

  return function codatErrorsMiddleware(ctx, next) {
    const correlationId = correlate(ctx.req.headers);
    ctx.state.correlationId = correlationId;
    ctx.res.setHeader(correlationHeader, correlationId);
    return asyncContext
      ? runWithCorrelationId(correlationId, () => handle(ctx, next, settings, correlationId), correlationHeader)
      : handle(ctx, next, settings, correlationId);
  };
}

async function handle(ctx: KoaContext, next: () => Promise<unknown>, settings: Settings, correlationId: string): Promise<void> {
  try {
    // Downstream starts on a fresh stack, one microtask later: an error it throws captures the app's
    // own frames instead of Koa's and Node's beneath this middleware, and a 5xx, whose stack Koa
    // prints, costs far less to capture and format.
    await undefined;
    await next();
  } catch (thrown) {
    respond(ctx, settings, correlationId, { thrown });
    return;
  }
  if (isStream(ctx.body)) return guardStream(ctx, ctx.body, settings, correlationId);
  // Nothing was thrown, but downstream left an error status with no body (an unmatched route).
  if (ctx.body == null && ctx.status >= 400) respond(ctx, settings, correlationId);
}

/**
 * A stream body fails after this middleware has returned, where Koa reports it to ctx.onerror (Koa 3
 * from its pipeline and again from on-finished: once is enough). An error before its first chunk
 * still has a whole response to write, so that chunk is waited for here.
 */
async function guardStream(ctx: KoaContext, stream: Readable, settings: Settings, correlationId: string): Promise<void> {
  let returned = false;
  let reported = false;
  ctx.onerror = (thrown: unknown) => {
    // Before this middleware returns, the same error rejects firstChunk below instead (Koa 2 reports both).
    if (thrown == null || !returned || reported) return;
    reported = true;
    respond(ctx, settings, correlationId, { thrown }, true);
  };
  try {
    if (!ctx.headerSent) await firstChunk(stream);
  } catch (thrown) {
    reported = true;
    respond(ctx, settings, correlationId, { thrown });
  }
  returned = true;
}

function respond(ctx: KoaContext, settings: Settings, correlationId: string, failure?: Thrown, afterResponse = false): void {
  const problem = normalize(failure ? failure.thrown : { status: ctx.status }, settings.limits);
  const response = renderProblem(problem, settings.service, correlationId);
  const details = { correlationId, statusCode: response.status, method: ctx.method, path: ctx.path };
  reportError(settings, failure, details, response.error);
  if (failure && response.status >= 500) emitError(ctx, failure.thrown);

  const res = ctx.res;
  if (afterResponse || ctx.headerSent || !ctx.writable) {
    // Koa has begun writing (or Koa 3's pipeline has destroyed the response): end the connection
    // rather than append to a response, as finalhandler does.
    res.destroy();
    return;
  }
  setErrorHeaders(res, response);
  if (response.status === 405 && !res.hasHeader('allow')) res.setHeader('allow', routerAllowedMethods(ctx));

  // Through ctx, so that middleware placed before this one still sees and may add to the response.
  ctx.status = response.status;
  ctx.body = response.body;
}

function emitError(ctx: KoaContext, thrown: unknown): void {
  try {
    ctx.app.emit('error', asError(thrown), ctx);
  } catch {
    // A listener that throws must not change the response.
  }
}

/** `@koa/router`'s `allowedMethods({ throw: true })` throws a 405 without `Allow`; its matched routes know it. */
function routerAllowedMethods(ctx: KoaContext): string {
  const matched = (ctx as { matched?: Array<{ methods: string[] }> }).matched ?? [];
  return [...new Set(matched.flatMap((layer) => layer.methods))].join(', ');
}

function isStream(body: unknown): body is Readable {
  return body instanceof Readable;
}

/** Settles when the stream has data ready or has ended; rejects if it fails or is destroyed first. */
function firstChunk(stream: Readable): Promise<void> {
  if (stream.errored) return Promise.reject(stream.errored);
  if (stream.readableLength > 0 || stream.readableEnded) return Promise.resolve();
  if (stream.destroyed) return Promise.reject(prematureClose());
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('readable', ready).off('end', ready).off('close', closed).off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const ready = () => settle();
    // A stream destroyed without an error has no body to send either: Koa would answer nothing.
    const closed = () => settle(prematureClose());
    stream.on('readable', ready).on('end', ready).on('close', closed).on('error', settle);
  });
}

function prematureClose(): Error {
  return new Error('The response body stream was destroyed before its first chunk');
}
