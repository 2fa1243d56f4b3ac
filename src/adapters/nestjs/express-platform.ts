// NestJS on @nestjs/platform-express: Express middleware around Nest's routes, and the envelope
// written on Node's response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Engine, requestLine } from '../../core/engine.js';
import { correlationIdOf, stampCorrelationId } from '../../node/request-id.js';
import { endWithError, setErrorHeaders } from '../../node/response.js';
import { announce } from './print.js';

/** The part of Express's request the adapter uses. */
export interface NestExpressRequest extends IncomingMessage {
  method: string;
  /** Express's, and middie's (Nest's middleware on Fastify) on Node's request. */
  originalUrl: string;
  correlationId?: string;
}

/** The part of the Express app the adapter uses. */
export interface ExpressInstance {
  use(...handlers: unknown[]): unknown;
}

type Next = (error?: unknown) => void;

/**
 * Before Nest's routes (after its body parsers): the id on every request and response, run in the
 * async context when asked, and the body parsers' own errors (bad JSON, too large) as the envelope.
 */
export function expressBeforeRoutes(engine: Engine, app: ExpressInstance): void {
  const { runInContext } = engine;
  app.use(function codatErrorsCorrelation(req: NestExpressRequest, res: ServerResponse, next: Next) {
    const correlationId = stampCorrelationId(engine, req, res);
    if (runInContext) runInContext(correlationId, next);
    else next();
  });
  // Four parameters, or Express would not take it for an error handler.
  app.use(function codatErrorsBodyErrors(error: unknown, req: NestExpressRequest, res: ServerResponse, _next: Next) {
    expressFailure(engine, error, req, res);
  });
}

/** After Nest's routes, before Nest's own 404 (`Cannot GET /x`): an unmatched route gets Koa's 404 envelope. */
export function expressAfterRoutes(engine: Engine, app: ExpressInstance): void {
  app.use(function codatErrorsNotFound(req: NestExpressRequest, res: ServerResponse) {
    const line = requestLine(req.method, req.originalUrl);
    write(req, res, engine.errorStatus(404, line, correlationIdOf(engine, req, res)));
  });
}

/** Answers a failure with the envelope on Express's response. */
export function expressFailure(engine: Engine, thrown: unknown, req: NestExpressRequest, res: ServerResponse): void {
  const line = requestLine(req.method, req.originalUrl);
  const correlationId = correlationIdOf(engine, req, res);
  const response = engine.failure(thrown, line, correlationId);
  announce(engine, thrown, response, line, correlationId);
  if (res.headersSent) {
    // Part of a response is out: close the connection rather than append to it, once what was
    // written has left (Node sends it on the next tick).
    setImmediate(() => res.destroy());
    return;
  }
  write(req, res, response);
}

function write(req: NestExpressRequest, res: ServerResponse, response: Parameters<typeof endWithError>[1]): void {
  setErrorHeaders(res, response);
  endWithError(res, response, req.method);
}
