import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { createEngine, type Engine, type ErrorResponse, type RequestLine, requestLine } from '../../core/engine.js';
import { staleHeaders } from '../../core/headers.js';
import type { CodatErrorsOptions } from '../../core/options.js';
import { asError, printFailure } from '../../core/report.js';
import { runWithCorrelationId } from '../../correlation/context.js';
import { fromFastify } from './fastify-errors.js';
import { chosenId, type ChosenRequest } from './gen-req-id.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's correlation id, set by the codat-errors plugin. */
    correlationId: string;
  }
}

/** The plugin's type: registered with `app.register(codatErrors, options)`. */
export type FastifyCodatErrors = FastifyPluginAsync<CodatErrorsOptions>;

/**
 * The Fastify plugin (Fastify 5): the same envelopes, headers and options as the Koa middleware. It
 * applies to the whole app, whatever scope it is registered in: a correlation id on every request
 * (`request.correlationId`) and response, the error handler and the not-found handler answering the
 * envelope, and an error status sent without a body (`reply.code(403).send()`) answered with it.
 *
 * @example
 * const app = Fastify({ genReqId: genReqId() });
 * await app.register(codatErrors, { service: 'PublicApi' });
 * app.get('/companies/:id', async () => { throw new NotFound('Company not found'); });
 */
export const codatErrors: FastifyCodatErrors = async function codatErrors(fastify, options) {
  // Fastify hands the options of register() to the plugin: an invalid one rejects register() here
  // (async, as avvio would let a synchronous throw escape as an uncaught exception).
  const engine = createEngine(options, runWithCorrelationId);
  const { correlationHeader, correlate, runInContext } = engine;

  function stamp(request: FastifyRequest, reply: FastifyReply): string {
    const chosen = (request.raw as ChosenRequest)[chosenId];
    const correlationId = chosen ?? correlate(request.headers);
    request.correlationId = correlationId;
    reply.header(correlationHeader, correlationId);
    return correlationId;
  }

  /** The id the hook stamped; a request failed by an earlier hook still gets one. */
  function idOf(request: FastifyRequest, reply: FastifyReply): string {
    return request.correlationId === '' ? stamp(request, reply) : request.correlationId;
  }

  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', (request, reply, next) => {
    const correlationId = stamp(request, reply);
    if (runInContext) runInContext(correlationId, next);
    else next();
  });
  if (runInContext) {
    // The body is read in the socket's async context: the handler's part runs in the id's again.
    fastify.addHook('preValidation', (request, _reply, next) => runInContext(request.correlationId, next));
  }
  fastify.addHook('onSend', (request, reply, payload, next) => {
    // Only an error status (Fastify allows none above 599) sent without a body or a type gets the envelope.
    if (reply.statusCode < 400 || payload != null || reply.hasHeader('content-type')) {
      next(null, payload);
      return;
    }
    const response = engine.errorStatus(
      reply.statusCode,
      requestLine(request.method, request.url),
      idOf(request, reply),
    );
    next(null, prepare(reply, response));
  });

  fastify.setErrorHandler((error, request, reply) => {
    if (reply.raw.headersSent) {
      // Part of the response is out: end the connection rather than append to it.
      reply.raw.destroy();
      return;
    }
    const line = requestLine(request.method, request.url);
    const correlationId = idOf(request, reply);
    const response = engine.failure(fromFastify(error), line, correlationId);
    if (response.status >= 500) announce(engine, request, error, response.status, line, correlationId);
    reply.send(prepare(reply, response));
  });
  fastify.setNotFoundHandler((request, reply) => {
    reply.send(prepare(reply, engine.errorStatus(404, requestLine(request.method, request.url), idOf(request, reply))));
  });
};

// Not encapsulated, as fastify-plugin would make it: the hooks and handlers apply to the whole app.
Object.assign(codatErrors, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'codat-errors',
  [Symbol.for('plugin-meta')]: { name: 'codat-errors', fastify: '5.x' },
});

/** Sets the status and headers of the envelope on the reply and returns its bytes. */
function prepare(reply: FastifyReply, response: ErrorResponse): string {
  for (const name of staleHeaders) reply.removeHeader(name);
  reply.code(response.status);
  for (const [name, value] of response.headers) reply.header(name, value);
  return response.body;
}

/**
 * Without the app's `logger` option, a 5xx goes where Fastify logs its own, once: to the request's
 * logger when Fastify has one, else to the console, as on Koa and Express (Fastify's default set-up
 * logs nothing, and would hide it).
 */
function announce(
  engine: Engine,
  request: FastifyRequest,
  thrown: unknown,
  status: number,
  { method, path }: RequestLine,
  correlationId: string,
): void {
  if (engine.logger) return;
  const details = { correlationId, statusCode: status, method, path };
  const log = request.log;
  if (typeof log.level !== 'string') {
    printFailure(thrown, details);
    return;
  }
  try {
    log.error({ ...details, err: asError(thrown) }, `codat-errors: ${status} ${method} ${path}`);
  } catch {
    // A logger that cannot write this value must not change the response.
  }
}
