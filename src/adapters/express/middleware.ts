import type { IncomingMessage, ServerResponse } from 'node:http';
import { createEngine, type ErrorResponse, requestLine } from '../../core/engine.js';
import type { CodatErrorsOptions } from '../../core/options.js';
import { printFailure } from '../../core/report.js';
import { runWithCorrelationId } from '../../correlation/context.js';
import { correlationIdOf, stampCorrelationId } from '../../node/request-id.js';
import { endWithError, setErrorHeaders } from '../../node/response.js';
import { statusGuard } from './error-status.js';

// The global namespace that @types/express merges into its Request and Locals: unlike an augmentation
// of 'express-serve-static-core', it compiles in a project that has no Express types at all.
declare global {
  namespace Express {
    interface Request {
      /** This request's correlation id, set by `codatErrors().correlation`. */
      correlationId: string;
    }
    interface Locals {
      /** This request's correlation id, set by `codatErrors().correlation`. */
      correlationId: string;
    }
  }
}

/** The part of Express's request the adapter uses (Express 4 and 5 alike). */
export interface ExpressRequest extends IncomingMessage {
  method: string;
  correlationId?: string;
  originalUrl: string;
  app?: { get(setting: string): unknown };
}

/** The part of Express's response the adapter uses. */
export interface ExpressResponse extends ServerResponse {
  locals: Record<string, unknown>;
  /** The request, which Express puts on its response. */
  req: ExpressRequest;
}

export type ExpressNext = (error?: unknown) => void;
export type ExpressMiddleware = (req: ExpressRequest, res: ExpressResponse, next: ExpressNext) => void;
export type ExpressErrorHandler = (
  error: unknown,
  req: ExpressRequest,
  res: ExpressResponse,
  next: ExpressNext,
) => void;

/** The three pieces of the adapter, each for its place in the app. */
export interface ExpressErrors {
  /**
   * First middleware: stamps the correlation id on the request and the response header, and answers
   * an error status the app leaves without a body (`res.status(404).end()`, `res.sendStatus(403)`)
   * with the envelope.
   */
  correlation: ExpressMiddleware;
  /** After the routes: a request nothing answered gets the 404 envelope. */
  notFound: ExpressMiddleware;
  /** Last, the 4-argument error handler: any error becomes the envelope. */
  handler: ExpressErrorHandler;
}

/**
 * The Express adapter (Express 4 and 5): the same envelopes, headers and options as the Koa middleware.
 *
 * @example
 * const errors = codatErrors({ service: 'PublicApi' });
 * app.use(errors.correlation);
 * app.use(express.json());
 * app.post('/companies', () => { throw LimitExceeded.companyLimit(); });
 * app.use(errors.notFound);
 * app.use(errors.handler);
 */
export function codatErrors(options?: CodatErrorsOptions): ExpressErrors {
  const engine = createEngine(options, runWithCorrelationId);
  const { runInContext } = engine;

  const guardStatus = statusGuard<ExpressResponse>((res) =>
    engine.errorStatus(
      res.statusCode,
      requestLine(res.req.method, res.req.originalUrl),
      correlationIdOf(engine, res.req, res),
    ),
  );

  return {
    correlation: function codatErrorsCorrelation(req, res, next) {
      const correlationId = stampCorrelationId(engine, req, res);
      guardStatus(res);
      // Express runs the rest of the stack inside next(): it all sees the id, and so does its async work.
      if (runInContext) runInContext(correlationId, next);
      else next();
    },
    notFound: function codatErrorsNotFound(req, res) {
      send(
        req,
        res,
        engine.errorStatus(404, requestLine(req.method, req.originalUrl), correlationIdOf(engine, req, res)),
      );
    },
    // Four parameters, or Express would not take it for an error handler.
    handler: function codatErrorsHandler(error, req, res, _next) {
      const request = requestLine(req.method, req.originalUrl);
      const correlationId = correlationIdOf(engine, req, res);
      const response = engine.failure(error, request, correlationId);
      if (!engine.logger && response.status >= 500 && req.app?.get('env') !== 'test') {
        // Express's own handler prints what it catches; without a logger this one must not hide a 5xx.
        printFailure(error, { correlationId, statusCode: response.status, ...request });
      }
      if (res.headersSent) {
        // Part of a response is out: close the connection rather than append to it, as Express's own
        // handler does, once what was written has left (Node sends it on the next tick).
        setImmediate(() => res.destroy());
        return;
      }
      send(req, res, response);
    },
  };
}

function send(req: ExpressRequest, res: ExpressResponse, response: ErrorResponse): void {
  setErrorHeaders(res, response);
  endWithError(res, response, req.method);
}
