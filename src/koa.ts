import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Stream } from 'node:stream';
import { normalize } from './normalize.js';
import { resolveOptions, type CodatErrorsOptions, type Settings } from './options.js';
import { renderProblem } from './render.js';
import { asError, logError, type Thrown } from './report.js';
import { endWithError, setErrorHeaders } from './write.js';

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
  set(field: string, value: string | readonly string[]): void;
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
  const { correlationHeader, correlate } = settings;

  return async function codatErrorsMiddleware(ctx, next) {
    const correlationId = correlate(ctx.req.headers[correlationHeader]);
    ctx.state.correlationId = correlationId;
    ctx.set(correlationHeader, correlationId);
    try {
      await next();
    } catch (thrown) {
      respond(ctx, settings, correlationId, { thrown });
      return;
    }
    if (ctx.body == null && ctx.status >= 400) {
      // Nothing was thrown, but downstream left an error status with no body (an unmatched route).
      respond(ctx, settings, correlationId);
    } else if (isStream(ctx.body)) {
      // Koa reports a stream body's error to ctx.onerror, after this middleware has returned.
      ctx.onerror = (thrown: unknown) => {
        if (thrown != null) respond(ctx, settings, correlationId, { thrown }, true);
      };
    }
  };
}

function respond(ctx: KoaContext, settings: Settings, correlationId: string, failure?: Thrown, afterResponse = false): void {
  const problem = normalize(failure ? failure.thrown : { status: ctx.status });
  const response = renderProblem(problem, settings.service, correlationId);
  const details = { correlationId, statusCode: response.status, method: ctx.method, path: ctx.path };
  logError(settings.logger, failure, details, response.envelope.error);
  if (failure && response.status >= 500) emitError(ctx, failure.thrown);

  const res = ctx.res;
  if (ctx.headerSent || !ctx.writable) {
    // Part of a response is out: end the connection rather than append to it, as finalhandler does.
    res.destroy();
    return;
  }
  setErrorHeaders(res, response);
  if (response.status === 405 && !res.hasHeader('allow')) res.setHeader('allow', routerAllowedMethods(ctx));

  if (afterResponse) {
    // Koa has already run its respond step: write the bytes here.
    endWithError(res, response, ctx.method);
  } else {
    // Through ctx, so that middleware placed before this one still sees and may add to the response.
    ctx.status = response.status;
    ctx.body = response.body;
  }
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
  const matched = (ctx as { matched?: Array<{ methods?: string[] }> }).matched ?? [];
  return [...new Set(matched.flatMap((layer) => layer.methods ?? []))].join(', ');
}

function isStream(body: unknown): body is Stream {
  return typeof body === 'object' && body !== null && typeof (body as Stream).pipe === 'function';
}
