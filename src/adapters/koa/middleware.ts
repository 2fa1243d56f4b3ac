import type { IncomingMessage, ServerResponse } from 'node:http';
import { createEngine, type Engine, type ErrorResponse } from '../../core/engine.js';
import type { CodatErrorsOptions } from '../../core/options.js';
import { asError } from '../../core/report.js';
import { runWithCorrelationId } from '../../correlation/context.js';
import { setErrorHeaders } from '../../node/response.js';
import { guardStream, isStream } from './stream-guard.js';

// Type-only, erased from the output: the compiler augments a module this file resolves.
import type {} from 'koa';

// Koa's types (@types/koa) type ctx.state through DefaultState, which a middleware may extend.
declare module 'koa' {
  interface DefaultState {
    /** This request's correlation id, set by `codatErrors()`. */
    correlationId: string;
  }
}

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
  const engine = createEngine(options, runWithCorrelationId);
  const { correlationHeader, correlate, runInContext } = engine;

  return function codatErrorsMiddleware(ctx, next) {
    const correlationId = correlate(ctx.req.headers);
    ctx.state.correlationId = correlationId;
    ctx.res.setHeader(correlationHeader, correlationId);
    return runInContext
      ? runInContext(correlationId, () => handle(ctx, next, engine, correlationId))
      : handle(ctx, next, engine, correlationId);
  };
}

async function handle(
  ctx: KoaContext,
  next: () => Promise<unknown>,
  engine: Engine,
  correlationId: string,
): Promise<void> {
  try {
    // Downstream starts on a fresh stack, one microtask later: an error it throws captures the app's
    // own frames instead of Koa's and Node's beneath this middleware, and a 5xx, whose stack Koa
    // prints, costs far less to capture and format.
    await undefined;
    await next();
  } catch (thrown) {
    fail(ctx, engine, correlationId, thrown);
    return;
  }
  if (isStream(ctx.body)) {
    return guardStream(ctx, ctx.body, (thrown, afterResponse) =>
      fail(ctx, engine, correlationId, thrown, afterResponse),
    );
  }
  // Nothing was thrown, but downstream left an error status with no body (an unmatched route).
  if (ctx.body == null && ctx.status >= 400) write(ctx, engine.errorStatus(ctx.status, ctx, correlationId));
}

function fail(ctx: KoaContext, engine: Engine, correlationId: string, thrown: unknown, afterResponse = false): void {
  const response = engine.failure(thrown, ctx, correlationId);
  if (response.status >= 500) emitError(ctx, thrown);
  if (afterResponse) ctx.res.destroy();
  else write(ctx, response);
}

function write(ctx: KoaContext, response: ErrorResponse): void {
  const res = ctx.res;
  if (ctx.headerSent || !ctx.writable) {
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
