// NestJS on @nestjs/platform-fastify: Fastify hooks around Nest's routes, and the envelope sent
// through Fastify's reply, so that headers set on the reply (CORS, the id) go out with it.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { type Engine, type ErrorResponse, requestLine } from '../../core/engine.js';
import { staleHeaders } from '../../core/headers.js';
import { fromFastify } from './nest-errors.js';
import { announce } from './print.js';

/** Where the onError hook leaves Fastify's own error, which Nest hands on rewrapped and renamed. */
const fastifyError = Symbol('codat-errors.fastifyError');

/** The part of Fastify's request the adapter uses. */
export interface NestFastifyRequest {
  raw: IncomingMessage;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  is404: boolean;
  correlationId: string;
  [fastifyError]?: unknown;
}

/** The part of Fastify's reply the adapter uses. */
export interface NestFastifyReply {
  raw: ServerResponse;
  code(status: number): unknown;
  header(name: string, value: unknown): unknown;
  removeHeader(name: string): unknown;
  send(payload?: unknown): unknown;
}

type Done = (error?: unknown) => void;

/** The part of the Fastify instance the adapter uses. */
export interface FastifyInstance {
  decorateRequest(name: string, value: unknown): unknown;
  addHook(name: string, hook: (...args: never[]) => unknown): unknown;
}

/**
 * Hooks of the whole app: the id on every request and response (the request `@Req()` gives), the
 * async context when asked, an unmatched route as Koa's 404 envelope (not Nest's `Cannot GET /x`),
 * and Fastify's own error kept for the filter.
 */
export function fastifyHooks(engine: Engine, fastify: FastifyInstance): void {
  const { runInContext } = engine;
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', (request: NestFastifyRequest, reply: NestFastifyReply, done: Done) => {
    const correlationId = stamp(engine, request, reply);
    if (request.is404) {
      reply.send(prepare(reply, engine.errorStatus(404, requestLine(request.method, request.url), correlationId)));
      return;
    }
    if (runInContext) runInContext(correlationId, done);
    else done();
  });
  if (runInContext) {
    // The body is read in the socket's async context: the guards, pipes and handler run in the id's again.
    fastify.addHook('preValidation', (request: NestFastifyRequest, _reply: NestFastifyReply, done: Done) =>
      runInContext(request.correlationId, done),
    );
  }
  // Only Fastify's own errors (a body that does not parse, too large, of an unknown type) reach this
  // hook: Nest answers everything thrown in a route itself.
  fastify.addHook('onError', (request: NestFastifyRequest, _reply: NestFastifyReply, error: unknown, done: Done) => {
    request[fastifyError] = error;
    done();
  });
}

/** Answers a failure with the envelope through Fastify's reply. */
export function fastifyFailure(engine: Engine, thrown: unknown, request: NestFastifyRequest, reply: NestFastifyReply) {
  const own = request[fastifyError];
  const cause = own === undefined ? thrown : fromFastify(own);
  const line = requestLine(request.method, request.url);
  const correlationId = idOf(engine, request, reply);
  const response = engine.failure(cause, line, correlationId);
  announce(engine, own ?? thrown, response, line, correlationId);
  if (reply.raw.headersSent) {
    // Part of the response is out: close the connection rather than append to it, once what was
    // written has left (Node sends it on the next tick).
    setImmediate(() => reply.raw.destroy());
    return;
  }
  reply.send(prepare(reply, response));
}

function stamp(engine: Engine, request: NestFastifyRequest, reply: NestFastifyReply): string {
  const correlationId = engine.correlate(request.headers);
  request.correlationId = correlationId;
  reply.header(engine.correlationHeader, correlationId);
  return correlationId;
}

/** The id the hook stamped; a request failed by an earlier hook still gets one. */
function idOf(engine: Engine, request: NestFastifyRequest, reply: NestFastifyReply): string {
  return request.correlationId ? request.correlationId : stamp(engine, request, reply);
}

/** Sets the status and headers of the envelope on the reply and returns its bytes. */
function prepare(reply: NestFastifyReply, response: ErrorResponse): string {
  for (const name of staleHeaders) reply.removeHeader(name);
  reply.code(response.status);
  for (const [name, value] of response.headers) reply.header(name, value);
  return response.body;
}
