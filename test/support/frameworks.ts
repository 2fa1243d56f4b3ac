// The registry of every framework the package supports. The tests of test/frameworks/ (and every test
// over the example apps) run against each entry: adding an adapter, or a major version of one, is adding
// one entry to `frameworks`.
import { types } from 'node:util';
import { bodyParser } from '@koa/bodyparser';
import type { RouterMiddleware } from '@koa/router';
import express5, { type RequestHandler } from 'express';
import Koa3 from 'koa';
import {
  validate as koaValidate,
  type CodatErrorsOptions,
  type RequestSchemas,
  type ValidateOptions,
} from 'codat-errors';
import { validate as expressValidate } from 'codat-errors/express';
import { validate as fastifyValidate } from 'codat-errors/fastify';
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { Controller, Req, RequestMapping, RequestMethod, Res, UseInterceptors, type Type } from '@nestjs/common';
import { validate as nestValidate } from 'codat-errors/nestjs';
import { createRequestCheck, getCorrelationId as fetchCorrelationId } from 'codat-errors/fetch';
import { validate as honoValidate } from 'codat-errors/hono';
import type { Context as HonoContext, Handler as HonoHandler, MiddlewareHandler } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { serveFetch, serveHono, type FetchRoute } from './web-app.ts';
import { express4, serveExpress, type Express } from './express-app.ts';
import { serveFastify } from './fastify-app.ts';
import { Koa2, serveKoa, type Koa } from './koa-app.ts';
import { serveNest, type NestPlatform } from './nest-app.ts';
import { serve, type Served } from './serve.ts';

/** What a framework-neutral handler sees of its request. */
export interface Input {
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** The parsed JSON body, when the app was served with `json: true`. */
  body: unknown;
  /** The id the adapter stamped on the request (`ctx.state.correlationId`, `req.correlationId`). */
  correlationId: unknown;
}

/**
 * A handler any framework can mount: what it returns (or resolves to) is sent as a JSON 200; what it
 * throws (or rejects with) is reported in the framework's way that the app was served with.
 */
export type Handler = (input: Input) => unknown;

export interface Route {
  /** Run the adapter's own `validate(schemas, options)` before the handler. */
  validate: readonly [RequestSchemas, ValidateOptions?];
  handle: Handler;
}

/** Keyed by `'/path/:param'` (any method) or `'POST /path'`. */
export type Routes = Record<string, Handler | Route>;

/** One way a handler of the framework reports an error. */
export interface Failure {
  name: string;
  /**
   * True when the framework reads the value as "no error" before any error handler sees it: Express
   * calls `next(value)` for a synchronous throw, and `next(undefined)` goes on to the next route.
   */
  passesOn(thrown: unknown): boolean;
  /** The message of the Error the framework hands on instead of `thrown`, when it swaps one for another. */
  swaps?(thrown: unknown): string | undefined;
}

export interface Setup {
  /** The options of codat-errors. */
  options?: CodatErrorsOptions | undefined;
  /** One of the entry's `failures`; its first by default. */
  failure?: Failure | undefined;
  /** Parse JSON request bodies (Koa: @koa/bodyparser; Express: express.json()). */
  json?: boolean | undefined;
  /** False for the framework's default set-up, which prints each 5xx to the console. */
  quiet?: boolean | undefined;
}

export type ExampleRoute = readonly [method: string, path: string, status: number];

export interface Framework {
  name: string;
  adapter: 'koa' | 'express' | 'fastify' | 'nestjs' | 'fetch' | 'hono';
  /** The ways its handlers report an error; `serve` uses the first unless told. */
  failures: readonly [Failure, ...Failure[]];
  /** Serves an app with codat-errors and `routes`, closed when the test file ends. */
  serve(routes: Routes, setup?: Setup): Promise<Served>;
  /** Serves its example app (examples/), when the repository has one for this major. */
  example?(): Promise<{ url: string; routes: readonly ExampleRoute[] }>;
}

const never = () => false;
const falsy = (thrown: unknown) => !thrown;

function parse(key: string): [method: string, path: string] {
  const [method, path] = key.includes(' ') ? key.split(' ') : ['all', key];
  return [method!.toLowerCase(), path!];
}

function routeOf(route: Handler | Route): Partial<Route> & Pick<Route, 'handle'> {
  return typeof route === 'function' ? { handle: route } : route;
}

const jsonText = (value: unknown) => JSON.stringify(value ?? null);

interface KoaFailure extends Failure {
  mount(handle: Handler): RouterMiddleware;
}

const koaThrown: KoaFailure = {
  name: 'thrown',
  passesOn: never,
  mount: (handle) => async (ctx) => {
    const input = {
      params: ctx.params,
      query: ctx.query,
      body: ctx.request.body,
      correlationId: ctx.state.correlationId,
    };
    const result = await handle(input);
    ctx.type = 'application/json';
    ctx.body = jsonText(result);
  },
};

function koa(name: string, Koa: Koa, example?: Framework['example']): Framework {
  const failures = [koaThrown] as const;
  return {
    name,
    adapter: 'koa',
    failures,
    serve(routes, { options, failure = koaThrown, json = false, quiet = true } = {}) {
      const style = failures.find((known) => known === failure);
      if (!style) throw new TypeError(`${name} has no failure "${failure.name}"`);
      return serveKoa(
        Koa,
        (app, router) => {
          if (json) app.use(bodyParser());
          for (const [key, route] of Object.entries(routes)) {
            const [method, path] = parse(key);
            const { validate, handle } = routeOf(route);
            const middleware = [
              ...(validate ? [koaValidate(...validate) as RouterMiddleware] : []),
              style.mount(handle),
            ];
            (router as unknown as Record<string, (path: string, ...middleware: RouterMiddleware[]) => void>)[method]!(
              path,
              ...middleware,
            );
          }
        },
        options,
        quiet,
      );
    },
    ...(example && { example }),
  };
}

interface ExpressFailure extends Failure {
  mount(handle: Handler): RequestHandler;
}

const inputOf = (req: Parameters<RequestHandler>[0]) => ({
  params: req.params as Record<string, string>,
  query: req.query as Record<string, unknown>,
  body: req.body as unknown,
  correlationId: req.correlationId,
});
const send = (res: Parameters<RequestHandler>[1], result: unknown) => {
  res.type('application/json').send(jsonText(result));
};

const asyncRejects: ExpressFailure = {
  name: 'async handler rejects',
  passesOn: never,
  // Express 5 hands a falsy rejection on as `new Error('Rejected promise')`: an error like any other.
  swaps: (thrown) => (thrown ? undefined : 'Rejected promise'),
  mount: (handle) => async (req, res) => send(res, await handle(inputOf(req))),
};

const thrown: ExpressFailure = {
  name: 'thrown',
  passesOn: falsy,
  mount: (handle) => (req, res) => {
    const result = handle(inputOf(req));
    if (result instanceof Promise) throw new TypeError('the "thrown" failure needs a synchronous handler');
    send(res, result);
  },
};

const nextError: ExpressFailure = {
  name: 'next(err)',
  passesOn: falsy,
  mount: (handle) => (req, res, next) => {
    try {
      Promise.resolve(handle(inputOf(req))).then((result) => send(res, result), next);
    } catch (error) {
      next(error);
    }
  },
};

function expressEntry(
  name: string,
  express: Express,
  failures: readonly [ExpressFailure, ...ExpressFailure[]],
  example?: Framework['example'],
): Framework {
  return {
    name,
    adapter: 'express',
    failures,
    serve(routes, { options, failure = failures[0], json = false, quiet = true } = {}) {
      const style = failures.find((known) => known === failure);
      if (!style) throw new TypeError(`${name} has no failure "${failure.name}"`);
      return serveExpress(
        express,
        (app) => {
          if (json) app.use(express.json());
          for (const [key, route] of Object.entries(routes)) {
            const [method, path] = parse(key);
            const { validate, handle } = routeOf(route);
            const handlers = [
              ...(validate ? [expressValidate(...validate) as RequestHandler] : []),
              style.mount(handle),
            ];
            (app as unknown as Record<string, (path: string, ...handlers: RequestHandler[]) => void>)[method]!(
              path,
              ...handlers,
            );
          }
        },
        options,
        quiet,
      );
    },
    ...(example && { example }),
  };
}

interface FastifyFailure extends Failure {
  mount(handle: Handler): (request: FastifyRequest, reply: FastifyReply) => unknown;
}

const fastifyInput = (request: FastifyRequest) => ({
  params: request.params as Record<string, string>,
  query: request.query as Record<string, unknown>,
  body: request.body,
  correlationId: request.correlationId,
});
const fastifySend = (reply: FastifyReply, result: unknown) => reply.type('application/json').send(jsonText(result));

const fastifyRejects: FastifyFailure = {
  name: 'async handler rejects',
  passesOn: never,
  mount: (handle) => async (request, reply) => fastifySend(reply, await handle(fastifyInput(request))),
};

const fastifyThrown: FastifyFailure = {
  name: 'thrown',
  passesOn: never,
  mount: (handle) => (request, reply) => {
    const result = handle(fastifyInput(request));
    if (result instanceof Promise) throw new TypeError('the "thrown" failure needs a synchronous handler');
    fastifySend(reply, result);
  },
};

function fastifyEntry(name: string, example?: Framework['example']): Framework {
  const failures = [fastifyRejects, fastifyThrown] as const;
  return {
    name,
    adapter: 'fastify',
    failures,
    // Fastify parses JSON bodies by itself: `json` changes nothing.
    serve(routes, { options, failure = fastifyRejects, quiet = true } = {}) {
      const style = failures.find((known) => known === failure);
      if (!style) throw new TypeError(`${name} has no failure "${failure.name}"`);
      return serveFastify(
        (app) => {
          for (const [key, route] of Object.entries(routes)) {
            const [method, path] = parse(key);
            const { validate, handle } = routeOf(route);
            const routeOptions: RouteShorthandOptions = validate ? { preHandler: fastifyValidate(...validate) } : {};
            (app as unknown as Record<string, (path: string, options: object, handler: unknown) => void>)[method]!(
              path,
              routeOptions,
              style.mount(handle),
            );
          }
        },
        options,
        quiet,
      );
    },
    ...(example && { example }),
  };
}

/** What a Nest route handler of the registry is given: `@Req()` and `@Res()`, Express's or Fastify's. */
interface NestHttp {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  correlationId?: string;
}
interface NestReply {
  status(code: number): NestReply;
  type(contentType: string): NestReply;
  send(body: string): unknown;
}
type NestRoute = (req: NestHttp, res: NestReply) => unknown;

interface NestFailure extends Failure {
  mount(handle: Handler): NestRoute;
}

const nestInput = (req: NestHttp): Input => ({
  params: req.params,
  query: req.query,
  body: req.body,
  correlationId: req.correlationId,
});
// Nest answers a POST with 201 by default: the registry's handlers answer 200.
const nestSend = (res: NestReply, result: unknown) => res.status(200).type('application/json').send(jsonText(result));

const nestRejects: NestFailure = {
  name: 'async handler rejects',
  passesOn: never,
  mount: (handle) => async (req, res) => nestSend(res, await handle(nestInput(req))),
};

const nestThrown: NestFailure = {
  name: 'thrown',
  passesOn: never,
  mount: (handle) => (req, res) => {
    const result = handle(nestInput(req));
    if (result instanceof Promise) throw new TypeError('the "thrown" failure needs a synchronous handler');
    nestSend(res, result);
  },
};

/** A controller with one method per route, Nest's decorators applied as functions. */
function nestController(routes: Routes, style: NestFailure): Type {
  class RoutesController {}
  Controller()(RoutesController);
  Object.entries(routes).forEach(([key, route], index) => {
    const [method, path] = parse(key);
    const { validate, handle } = routeOf(route);
    const name = `route${index}`;
    Object.defineProperty(RoutesController.prototype, name, { value: style.mount(handle), configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(RoutesController.prototype, name)!;
    const requestMethod = RequestMethod[method.toUpperCase() as keyof typeof RequestMethod];
    RequestMapping({ path, method: requestMethod })(RoutesController.prototype, name, descriptor);
    if (validate) UseInterceptors(nestValidate(...validate))(RoutesController.prototype, name, descriptor);
    Req()(RoutesController.prototype, name, 0);
    Res()(RoutesController.prototype, name, 1);
  });
  return RoutesController;
}

function nestEntry(name: string, platform: NestPlatform, example?: Framework['example']): Framework {
  const failures = [nestRejects, nestThrown] as const;
  return {
    name,
    adapter: 'nestjs',
    failures,
    // Nest parses JSON bodies by itself: `json` changes nothing.
    serve(routes, { options, failure = nestRejects, quiet = true } = {}) {
      const style = failures.find((known) => known === failure);
      if (!style) throw new TypeError(`${name} has no failure "${failure.name}"`);
      return serveNest(platform, { controllers: [nestController(routes, style)], options, quiet });
    },
    ...(example && { example }),
  };
}

async function nestExample(platform: NestPlatform) {
  const { createApp, routes } = await import('../../examples/nestjs.js');
  // Nest's logger off: the example prints its 5xx, which the tests provoke on purpose.
  const app = await createApp({ platform, logger: false });
  await app.init();
  const instance = app.getHttpAdapter().getInstance();
  if (platform === 'fastify') await instance.ready();
  return { url: (await serve(platform === 'fastify' ? instance.routing : instance)).url, routes };
}

interface WebFailure extends Failure {
  /** Runs the handler as a fetch handler or a Hono handler does, returning or throwing what it gives. */
  call(handle: () => unknown): Promise<unknown>;
}

const webRejects: WebFailure = { name: 'async handler rejects', passesOn: never, call: async (handle) => handle() };
const webThrown: WebFailure = {
  name: 'thrown',
  passesOn: never,
  call: (handle) => {
    const result = handle();
    if (result instanceof Promise) throw new TypeError('the "thrown" failure needs a synchronous handler');
    return Promise.resolve(result);
  },
};
const webFailures = [webRejects, webThrown] as const;

/**
 * Hono hands on a thrown value only after testing `thrown instanceof Error`: for a revoked Proxy that
 * test throws a TypeError, which is what reaches codat-errors.
 */
function honoSwaps(thrown: unknown): string | undefined {
  try {
    void (thrown instanceof Error);
    return undefined;
  } catch (swapped) {
    return types.isNativeError(swapped) ? swapped.message : undefined;
  }
}
const honoFailures = [
  { ...webRejects, swaps: honoSwaps },
  { ...webThrown, swaps: honoSwaps },
] as const;

const jsonResponse = (result: unknown) =>
  new Response(jsonText(result), { headers: { 'content-type': 'application/json' } });

/** A query as Koa gives it: one value as a string, a repeated name as the list of its values. */
function queryOf(url: string): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [name, value] of new URL(url).searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}

function fetchEntry(name: string): Framework {
  return {
    name,
    adapter: 'fetch',
    failures: webFailures,
    serve(routes, { options, failure = webRejects, json = false, quiet = true } = {}) {
      const style = webFailures.find((known) => known === failure);
      if (!style) throw new TypeError(`${name} has no failure "${failure.name}"`);
      const fetchRoutes: Record<string, FetchRoute> = {};
      for (const [key, route] of Object.entries(routes)) {
        const [method, path] = parse(key);
        const { validate, handle } = routeOf(route);
        const check = validate && createRequestCheck(...validate);
        fetchRoutes[method === 'all' ? path : `${method.toUpperCase()} ${path}`] = async (request, params) => {
          const text = json ? await request.text() : '';
          let input: Input = {
            params,
            query: queryOf(request.url),
            body: text === '' ? undefined : JSON.parse(text),
            correlationId: fetchCorrelationId(request),
          };
          if (check) input = { ...input, ...((await check(input)) as Partial<Input>) };
          return jsonResponse(await style.call(() => handle(input)));
        };
      }
      return serveFetch(fetchRoutes, options, quiet);
    },
  };
}

function honoEntry(name: string, example?: Framework['example']): Framework {
  return {
    name,
    adapter: 'hono',
    failures: honoFailures,
    serve(routes, { options, failure = honoFailures[0], json = false, quiet = true } = {}) {
      const style = honoFailures.find((known) => known === failure);
      if (!style) throw new TypeError(`${name} has no failure "${failure.name}"`);
      return serveHono(
        (app) => {
          for (const [key, route] of Object.entries(routes)) {
            const [method, path] = parse(key);
            const { validate, handle } = routeOf(route);
            const handler: HonoHandler = async (c: HonoContext) => {
              const validated = (target: 'json' | 'query' | 'param') =>
                validate ? c.req.valid(target as never) : undefined;
              const text = json && !validate ? await c.req.text() : '';
              const input: Input = {
                params: validated('param') ?? c.req.param(),
                query: validated('query') ?? queryOf(c.req.url),
                body: validate ? validated('json') : text === '' ? undefined : JSON.parse(text),
                correlationId: c.get('correlationId'),
              };
              return jsonResponse(await style.call(() => handle(input)));
            };
            const handlers: Array<MiddlewareHandler | HonoHandler> = [
              ...(validate ? [honoValidate(...validate)] : []),
              handler,
            ];
            app.on(method === 'all' ? 'ALL' : method.toUpperCase(), path, ...(handlers as [HonoHandler]));
          }
        },
        options,
        quiet,
      );
    },
    ...(example && { example }),
  };
}

async function koaExample() {
  const { createApp, routes } = await import('../../examples/koa.js');
  const app = createApp();
  app.silent = true;
  return { url: (await serve(app.callback())).url, routes };
}

async function expressExample() {
  const { createApp, routes } = await import('../../examples/express.js');
  const app = createApp();
  app.set('env', 'test');
  return { url: (await serve(app)).url, routes };
}

async function fastifyExample() {
  const { createApp, routes } = await import('../../examples/fastify.js');
  // A silent logger: the example prints its 5xx, which the tests provoke on purpose.
  const app = await createApp({ logger: { level: 'silent' } });
  await app.ready();
  return { url: (await serve(app.routing)).url, routes };
}

async function honoExample() {
  const { createApp, routes } = await import('../../examples/hono.ts');
  return { url: (await serve(getRequestListener(createApp({ logger: { warn() {}, error() {} } }).fetch))).url, routes };
}

export const frameworks: readonly Framework[] = [
  koa('Koa 3', Koa3, koaExample),
  koa('Koa 2', Koa2),
  // Express 4 has no promise support: an async handler that rejects would never answer.
  expressEntry('Express 5', express5, [asyncRejects, thrown], expressExample),
  expressEntry('Express 4', express4, [nextError, thrown]),
  fastifyEntry('Fastify 5', fastifyExample),
  nestEntry('NestJS on Express', 'express', () => nestExample('express')),
  nestEntry('NestJS on Fastify', 'fastify', () => nestExample('fastify')),
  honoEntry('Hono on Node', honoExample),
  fetchEntry('fetch on Node'),
];

/** The entries that have an example app. */
export const withExample = frameworks.filter(
  (framework): framework is Framework & Required<Pick<Framework, 'example'>> => framework.example !== undefined,
);

/** The entry the tests of one framework-free subject (options, limits, onError…) serve their routes on. */
export const anyFramework = frameworks[0]!;
