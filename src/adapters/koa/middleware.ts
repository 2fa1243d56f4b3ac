import type { IncomingMessage, ServerResponse } from 'node:http';
import { createEngine, type Engine, type ErrorResponse } from '../../core/engine.js';
import type { CodatErrorsOptions } from '../../core/options.js';
import { asError, printFailure } from '../../core/report.js';
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
  app: KoaApplication;
  onerror(error: unknown): void;
}

/** The part of Koa's application the middleware uses: its `error` listeners and `silent`. */
export interface KoaApplication {
  /** Koa's own printer of errors keeps quiet when true; so does this middleware's. */
  silent?: boolean | undefined;
  // biome-ignore lint/complexity/noBannedTypes: EventEmitter's own type for its listeners, which Koa's app is.
  rawListeners(event: 'error'): Function[];
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
    if (typeof ctx?.req !== 'object') throw wrongEntryPoint();
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
  if (response.status >= 500) announce(ctx, engine, thrown, response.status, correlationId);
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

/**
 * A 5xx goes where Koa sends its own errors: to the app's `error` listeners, Koa's convention for
 * logging, each called as `app.emit` would. With none, Koa's own printer would print it without its
 * correlation id, method or path, and print it again after a logger: it is left out, and the 5xx is
 * printed here instead, once, unless the logger has it or the app is `silent`.
 */
function announce(ctx: KoaContext, engine: Engine, thrown: unknown, status: number, correlationId: string): void {
  const app = ctx.app;
  const printer = koaPrinter(app);
  const listeners = app.rawListeners('error').filter((listener) => listener !== printer);
  if (listeners.length === 0) {
    if (!engine.logger && !app.silent) {
      printFailure(thrown, { correlationId, statusCode: status, method: ctx.method, path: ctx.path });
    }
    return;
  }
  const error = asError(thrown);
  for (const listener of listeners) {
    try {
      listener.call(app, error, ctx);
    } catch {
      // A listener that throws must not change the response, nor keep the others from hearing.
    }
  }
}

/**
 * Koa's own printer: the `onerror` of Koa's Application class, which `app.callback()` listens with when
 * the app has no listener of its own. It is the farthest `onerror` up the prototype chain, so that an
 * app's own `onerror` (set on it or on a subclass) counts as the app's listener.
 */
function koaPrinter(app: KoaApplication): unknown {
  let printer: unknown;
  for (let proto = Object.getPrototypeOf(app); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.hasOwn(proto, 'onerror')) printer = proto.onerror;
  }
  return printer;
}

/** The Koa middleware called as Express calls its middleware, `(req, res, next)`: say which entry point to use. */
function wrongEntryPoint(): Error {
  return new TypeError(
    'codat-errors: this is the Koa middleware, called here as Express middleware (req, res, next). For Express, import { codatErrors } from "codat-errors/express" and use its correlation, notFound and handler.',
  );
}

/** `@koa/router`'s `allowedMethods({ throw: true })` throws a 405 without `Allow`; its matched routes know it. */
function routerAllowedMethods(ctx: KoaContext): string {
  const matched = (ctx as { matched?: Array<{ methods: string[] }> }).matched ?? [];
  return [...new Set(matched.flatMap((layer) => layer.methods))].join(', ');
}
