// The one seam every adapter calls: the request's id from its headers, and a failure (or an error
// status left without a body) as what to write, reported on the way. Adapters only do framework I/O.
import type { IncomingHeaders } from '../correlation/correlator.js';
import { envelopeJson } from './envelope.js';
import type { HeaderList } from './headers.js';
import { normalize, statusProblem, type Problem } from './normalize.js';
import { resolveOptions, type CodatErrorsOptions, type Settings } from './options.js';
import { reportError, type ErrorLogger } from './report.js';

export const jsonContentType = 'application/json; charset=utf-8';

/** What the report of an error says of its request. */
export interface RequestLine {
  readonly method: string;
  readonly path: string;
}

/** The method, and the path of the request target as the client sent it, without its query. */
export function requestLine(method: string, target: string): RequestLine {
  const query = target.indexOf('?');
  return { method, path: query === -1 ? target : target.slice(0, query) };
}

/** Everything an adapter writes for an error. */
export interface ErrorResponse {
  readonly status: number;
  /** The error's own headers, then `content-type` and `x-content-type-options`. */
  readonly headers: HeaderList;
  /** The envelope's bytes. */
  readonly body: string;
}

/** Runs the rest of a request with its id as the current one (`runWithCorrelationId` on Node). */
export type ContextRunner = <T>(correlationId: string, rest: () => T, header: string) => T;

export interface Engine {
  /** The lower-case header the id is echoed in (the first of a list of headers it is read from). */
  readonly correlationHeader: string;
  /** The request's id: its header's when trusted and valid, else a new one. */
  readonly correlate: (headers: IncomingHeaders) => string;
  /** The lower-case names of the request headers `correlate` reads (none when incoming ids are not trusted). */
  readonly correlationReads: readonly string[];
  /** Runs the rest of the request in the id's async context; undefined when `asyncContext` is off. */
  readonly runInContext: (<T>(correlationId: string, rest: () => T) => T) | undefined;
  /** The app's logger, if any: an adapter whose framework prints errors itself leaves that to it. */
  readonly logger: ErrorLogger | undefined;
  /** The response for a thrown value, reported to the logger and `onError` with it. */
  failure(thrown: unknown, request: RequestLine, correlationId: string): ErrorResponse;
  /** The response for an error status the app set without a body (an unmatched route), reported. */
  errorStatus(status: number, request: RequestLine, correlationId: string): ErrorResponse;
}

/**
 * Checks the options (an invalid one throws here, at start-up, saying what to pass) and returns the
 * engine an adapter calls for every request. `runInContext` is the runtime's async context, needed
 * only for `asyncContext: true`.
 */
export function createEngine(options: CodatErrorsOptions | undefined, runInContext?: ContextRunner): Engine {
  const settings = resolveOptions(options);
  const { correlationHeader } = settings;
  if (settings.asyncContext && !runInContext) {
    throw new TypeError(
      'codat-errors: option "asyncContext" needs AsyncLocalStorage, which this runtime does not have; drop the option',
    );
  }

  function respond(
    problem: Problem,
    request: RequestLine,
    correlationId: string,
    failure?: { thrown: unknown },
  ): ErrorResponse {
    reportError(
      settings,
      { correlationId, statusCode: problem.status, method: request.method, path: request.path },
      problem.error,
      failure,
    );
    return render(problem, settings, correlationId);
  }

  return {
    correlationHeader,
    correlate: settings.correlate,
    correlationReads: settings.correlationReads,
    runInContext:
      settings.asyncContext && runInContext
        ? (correlationId, rest) => runInContext(correlationId, rest, correlationHeader)
        : undefined,
    logger: settings.logger,
    failure: (thrown, request, correlationId) =>
      respond(normalize(thrown, settings.limits), request, correlationId, { thrown }),
    errorStatus: (status, request, correlationId) => respond(statusProblem(status), request, correlationId),
  };
}

function render(problem: Problem, settings: Settings, correlationId: string): ErrorResponse {
  return {
    status: problem.status,
    headers: [...problem.headers, ['content-type', jsonContentType], ['x-content-type-options', 'nosniff']],
    body: envelopeJson(problem, settings.service, correlationId, settings.codatFields),
  };
}
