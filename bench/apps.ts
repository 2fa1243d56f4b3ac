// The servers of the HTTP benchmark, one row each. Every app answers GET / with what its row names;
// each is started in its own process by bench/server.ts, and nothing here runs in the load generator.
// Every framework has the same rows (bare, its hand-written floor, ours on success, a catalog 4xx and an
// unknown 500), built by its `Stack`; the peers each framework's users would otherwise have come after.
import type { Server } from 'node:http';

/** A 170-byte JSON body: what the bare apps answer, and ours on the success path. */
export const payload = {
  id: '8d2a5b3c-41f6-4e0b-9a7d-2f1c6e5b8a90',
  name: 'Acme Trading Ltd',
  platform: 'Xero',
  status: 'Linked',
  lastSync: '2026-11-25T10:00:00.000Z',
  dataConnections: ['accounting', 'banking'],
};

export type Framework = 'koa' | 'express' | 'fastify' | 'nest-express' | 'nest-fastify' | 'hono';

export interface App {
  /** Key of the row, and of its server process. */
  name: string;
  framework: Framework;
  label: string;
  /** Status every response must have; a run that sees another fails the benchmark. */
  status: number;
  kind: 'bare' | 'ours' | 'peer';
  /** Request headers the load generator sends. */
  headers?: Record<string, string>;
  /** Left out of the main table and chart (the async-context pair has a table of its own). */
  asyncContextPair?: boolean;
  /** The app this row is paired with and compared to, instead of the bare app of its framework. */
  baseline?: string;
  start(): Promise<Server>;
}

const message = 'Invoice not found';
const limitMessage = 'Company limit exceeded';
const secret = 'db password=hunter2';

/** What an entry point of codat-errors offers the rows: its catalog and an unknown error's stand-in. */
type Catalog = typeof import('codat-errors');
/** What the route of a row does: answer the payload, or throw what it makes of the entry's catalog. */
type Behaviour = 'ok' | ((catalog: Catalog) => unknown);

const throws: Record<'402' | '404' | '500', Exclude<Behaviour, 'ok'>> = {
  // The catalog 4xx of the targets: a per-request message, as a handler would pass.
  402: ({ LimitExceeded }) => new LimitExceeded(limitMessage),
  404: ({ NotFound }) => new NotFound(message),
  500: () => new Error(secret),
};

const listen = (app: { listen(port: number, host: string): Server }): Promise<Server> =>
  new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1');
    server.once('listening', () => resolve(server));
  });

/**
 * The floor's id, chosen as a hand-written layer keeping the contract would: the incoming header's value
 * when it is a valid id (1 to 128 of `A-Z a-z 0-9 - _ . :`), else a new nanoid.
 */
async function floorId(): Promise<(incoming: unknown) => string> {
  const { nanoid } = await import('nanoid');
  const valid = /^[A-Za-z0-9_.:-]{1,128}$/;
  return (incoming) => (typeof incoming === 'string' && valid.test(incoming) ? incoming : nanoid());
}

/** How a framework builds its apps: bare, the floor a contract-keeping layer cannot go below, and ours. */
interface Stack {
  framework: Framework;
  title: string;
  /** A 200 with the payload, and nothing else. */
  bare(): Promise<Server>;
  /** Only what the contract asks of every response on success: the id (`floorId`) in the response header, and a catch. */
  floor(): Promise<Server>;
  ours(behaviour: Behaviour, options?: object): Promise<Server>;
}

type KoaMiddleware = (ctx: never, next: () => Promise<void>) => unknown;
async function koaApp(middleware: KoaMiddleware[]): Promise<Server> {
  const { default: Koa } = await import('koa');
  const app = new Koa();
  for (const fn of middleware) app.use(fn as never);
  return listen(app);
}
const koaOk = (ctx: { body: unknown }) => {
  ctx.body = payload;
};

const koa: Stack = {
  framework: 'koa',
  title: 'Koa 3',
  bare: () => koaApp([koaOk]),
  async floor() {
    const idFor = await floorId();
    const stampAndCatch = async (
      ctx: { req: import('node:http').IncomingMessage; res: import('node:http').ServerResponse; status: number },
      next: () => Promise<void>,
    ) => {
      ctx.res.setHeader('x-correlation-id', idFor(ctx.req.headers['x-correlation-id']));
      try {
        await next();
      } catch {
        ctx.status = 500;
      }
    };
    return koaApp([stampAndCatch, koaOk]);
  },
  async ours(behaviour, options = {}) {
    const catalog = await import('codat-errors');
    return koaApp([
      catalog.codatErrors(options),
      behaviour === 'ok'
        ? koaOk
        : () => {
            throw behaviour(catalog);
          },
    ]);
  },
};

async function expressApp(build: (app: import('express').Express) => void): Promise<Server> {
  const { default: Express } = await import('express');
  const app = Express();
  app.set('env', 'production');
  build(app);
  return listen(app);
}
const expressOk = (_req: unknown, res: import('express').Response) => {
  res.json(payload);
};

const express: Stack = {
  framework: 'express',
  title: 'Express 5',
  bare: () => expressApp((app) => app.get('/', expressOk)),
  async floor() {
    const idFor = await floorId();
    return expressApp((app) => {
      app.use((req, res, next) => {
        res.setHeader('x-correlation-id', idFor(req.headers['x-correlation-id']));
        next();
      });
      app.get('/', expressOk);
      app.use((_error: unknown, _req: unknown, res: import('express').Response, _next: unknown) => {
        res.sendStatus(500);
      });
    });
  },
  async ours(behaviour, options = {}) {
    const catalog = await import('codat-errors/express');
    const errors = catalog.codatErrors(options);
    return expressApp((app) => {
      app.use(errors.correlation);
      app.get(
        '/',
        behaviour === 'ok'
          ? expressOk
          : () => {
              throw behaviour(catalog as unknown as Catalog);
            },
      );
      app.use(errors.notFound);
      app.use(errors.handler);
    });
  },
};

async function fastifyApp(build: (app: import('fastify').FastifyInstance) => Promise<void>): Promise<Server> {
  const { default: Fastify } = await import('fastify');
  const app = Fastify();
  await build(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app.server;
}

const fastify: Stack = {
  framework: 'fastify',
  title: 'Fastify 5',
  bare: () =>
    fastifyApp(async (app) => {
      app.get('/', async () => payload);
    }),
  floor: () =>
    fastifyApp(async (app) => {
      const idFor = await floorId();
      // Fastify catches by itself: the header is all that is left to add.
      app.addHook('onRequest', (request, reply, done) => {
        reply.header('x-correlation-id', idFor(request.headers['x-correlation-id']));
        done();
      });
      app.get('/', async () => payload);
    }),
  ours: (behaviour, options = {}) =>
    fastifyApp(async (app) => {
      const catalog = await import('codat-errors/fastify');
      await app.register(catalog.codatErrors, options);
      app.get(
        '/',
        behaviour === 'ok'
          ? async () => payload
          : async () => {
              throw behaviour(catalog as unknown as Catalog);
            },
      );
    }),
};

type NestPlatform = 'express' | 'fastify';

/** A Nest app of one controller answering GET / with `answer`, the module given, and its default logger for errors. */
async function nestApp(
  platform: NestPlatform,
  answer: () => unknown,
  imports: unknown[] = [],
  stamp?: (
    setHeader: (response: unknown, name: string, value: string) => void,
  ) => (headers: Record<string, unknown>, response: unknown) => void,
): Promise<Server> {
  await import('reflect-metadata');
  const { Controller, Get, Module } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  // Decorators called as functions: the benchmark is not compiled with decorator support.
  class Bench {
    answer() {
      return answer();
    }
  }
  Controller()(Bench);
  Get()(Bench.prototype, 'answer', Object.getOwnPropertyDescriptor(Bench.prototype, 'answer')!);
  class App {}
  Module({ imports: imports as never[], controllers: [Bench] })(App);
  const adapter =
    platform === 'fastify'
      ? new (await import('@nestjs/platform-fastify')).FastifyAdapter()
      : new (await import('@nestjs/platform-express')).ExpressAdapter();
  // Errors are logged, as by default; the start-up lines are not.
  const app = await NestFactory.create(App, adapter, { logger: ['error', 'warn'] });
  if (stamp) {
    const instance = app.getHttpAdapter().getInstance();
    if (platform === 'fastify') {
      const header = stamp((reply, name, value) => (reply as import('fastify').FastifyReply).header(name, value));
      instance.addHook(
        'onRequest',
        (request: { headers: Record<string, unknown> }, reply: unknown, done: () => void) => {
          header(request.headers, reply);
          done();
        },
      );
    } else {
      const header = stamp((res, name, value) => (res as import('node:http').ServerResponse).setHeader(name, value));
      app.use((req: { headers: Record<string, unknown> }, res: unknown, next: () => void) => {
        header(req.headers, res);
        next();
      });
    }
  }
  await app.listen(0, '127.0.0.1');
  return app.getHttpServer();
}

function nest(platform: NestPlatform): Stack {
  return {
    framework: `nest-${platform}`,
    title: `NestJS 11 on ${platform === 'express' ? 'Express' : 'Fastify'}`,
    bare: () => nestApp(platform, () => payload),
    async floor() {
      const idFor = await floorId();
      // Nest catches by itself: the header is all that is left to add.
      return nestApp(
        platform,
        () => payload,
        [],
        (setHeader) => (headers, response) =>
          setHeader(response, 'x-correlation-id', idFor(headers['x-correlation-id'])),
      );
    },
    async ours(behaviour, options = {}) {
      const catalog = await import('codat-errors/nestjs');
      const answer =
        behaviour === 'ok'
          ? () => payload
          : () => {
              throw behaviour(catalog as unknown as Catalog);
            };
      return nestApp(platform, answer, [catalog.CodatErrorsModule.forRoot(options)]);
    },
  };
}

type HonoApp = import('hono').Hono;

/** A Hono app on @hono/node-server, as its docs serve one on Node. */
async function honoApp(build: (app: HonoApp) => void): Promise<Server> {
  const { Hono } = await import('hono');
  const { serve } = await import('@hono/node-server');
  const app = new Hono();
  build(app);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server as Server));
  });
}

const hono: Stack = {
  framework: 'hono',
  title: 'Hono 4',
  bare: () => honoApp((app) => app.get('/', (c) => c.json(payload))),
  async floor() {
    const idFor = await floorId();
    return honoApp((app) => {
      app.use(async (c, next) => {
        c.header('x-correlation-id', idFor(c.req.header('x-correlation-id')));
        await next();
      });
      // Hono catches by itself: an onError that answers is the catch.
      app.onError((_error, c) => c.body(null, 500));
      app.get('/', (c) => c.json(payload));
    });
  },
  async ours(behaviour, options = {}) {
    const catalog = await import('codat-errors/hono');
    return honoApp((app) => {
      app.use(catalog.codatErrors(options));
      // As docs/hono.md sets it: Hono's default onError would print every Error, 4xx included.
      app.onError((_error, c) => c.body(null, 500));
      app.get(
        '/',
        behaviour === 'ok'
          ? (c) => c.json(payload)
          : () => {
              throw behaviour(catalog as unknown as Catalog);
            },
      );
    });
  },
};

/** The rows every framework has. */
function rowsOf(stack: Stack): App[] {
  const { framework, title } = stack;
  const short = title.replace(/ \d+( |$)/, '$1');
  const row = (name: string, label: string, status: number, kind: App['kind'], start: App['start']): App => ({
    name: `${framework}-${name}`,
    framework,
    label,
    status,
    kind,
    start,
  });
  return [
    row('bare', `${title}, bare 200`, 200, 'bare', stack.bare),
    // The bare app in a second process: against the bare app, the method's own error (the A/A control).
    row('bare-twin', `${title}, bare 200, a second process (A/A control)`, 200, 'bare', stack.bare),
    row(
      'id-floor',
      `${short}, hand-written floor: incoming id or nanoid, header, catch, 200`,
      200,
      'peer',
      stack.floor,
    ),
    row('ours-ok', `${short} + codat-errors, 200`, 200, 'ours', () => stack.ours('ok')),
    row('ours-402', `${short} + codat-errors, throw new LimitExceeded(message)`, 402, 'ours', () =>
      stack.ours(throws[402]),
    ),
    row('ours-404', `${short} + codat-errors, throw new NotFound(message)`, 404, 'ours', () => stack.ours(throws[404])),
    row('ours-500', `${short} + codat-errors, unknown Error (500)`, 500, 'ours', () => stack.ours(throws[500])),
  ];
}

/** A handler that awaits a little, as real ones do: AsyncLocalStorage's cost grows with promises. */
const awaiting = async (ctx: { body: unknown }) => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
  ctx.body = payload;
};
const koaWithAwaits = async (asyncContext: boolean) => {
  const { codatErrors } = await import('codat-errors');
  return koaApp([codatErrors({ asyncContext }), awaiting]);
};

const koaPeers: App[] = [
  {
    name: 'koa-ours-404-id',
    framework: 'koa',
    label: 'Koa + codat-errors, NotFound, incoming id',
    status: 404,
    kind: 'ours',
    headers: { 'x-correlation-id': 'V1StGXR8_Z5jdHi6B-myT' },
    start: () => koa.ours(throws[404]),
  },
  {
    name: 'koa-default-404',
    framework: 'koa',
    label: 'Koa default, ctx.throw(404)',
    status: 404,
    kind: 'peer',
    start: () => koaApp([(ctx: { throw(status: number, message: string): never }) => ctx.throw(404, message)]),
  },
  {
    name: 'koa-default-500',
    framework: 'koa',
    label: 'Koa default, unknown Error (500)',
    status: 500,
    kind: 'peer',
    start: () =>
      koaApp([
        () => {
          throw new Error(secret);
        },
      ]),
  },
  {
    name: 'koa-context-off',
    framework: 'koa',
    label: 'Koa + codat-errors, awaiting 200, asyncContext: false',
    status: 200,
    kind: 'ours',
    asyncContextPair: true,
    start: () => koaWithAwaits(false),
  },
  {
    name: 'koa-context-on',
    framework: 'koa',
    label: 'Koa + codat-errors, awaiting 200, asyncContext: true',
    status: 200,
    kind: 'ours',
    asyncContextPair: true,
    baseline: 'koa-context-off',
    start: () => koaWithAwaits(true),
  },
];

const expressPeers: App[] = [
  {
    name: 'express-handwritten',
    framework: 'express',
    label: 'Express 5, createError(404) + JSON handler',
    status: 404,
    kind: 'peer',
    start: async () => {
      const { default: createError } = await import('http-errors');
      return expressApp((app) => {
        app.get('/', () => {
          throw createError(404, message);
        });
        app.use(
          (
            error: { status?: number; expose?: boolean; message: string },
            _req: unknown,
            res: import('express').Response,
            _next: unknown,
          ) => {
            const status = error.status ?? 500;
            res
              .status(status)
              .json({ statusCode: status, error: error.expose ? error.message : 'Internal Server Error' });
          },
        );
      });
    },
  },
];

const fastifyPeers: App[] = [
  {
    name: 'fastify-handwritten',
    framework: 'fastify',
    label: 'Fastify 5, createError(404) + JSON error handler',
    status: 404,
    kind: 'peer',
    start: async () => {
      const { default: createError } = await import('http-errors');
      return fastifyApp(async (app) => {
        app.setErrorHandler((error: { statusCode?: number; expose?: boolean; message: string }, _request, reply) => {
          const status = error.statusCode ?? 500;
          reply
            .code(status)
            .send({ statusCode: status, error: error.expose ? error.message : 'Internal Server Error' });
        });
        app.get('/', async () => {
          throw createError(404, message);
        });
      });
    },
  },
  {
    name: 'fastify-sensible-404',
    framework: 'fastify',
    label: 'Fastify 5 + @fastify/sensible, httpErrors.notFound()',
    status: 404,
    kind: 'peer',
    start: () =>
      fastifyApp(async (app) => {
        const { default: sensible } = await import('@fastify/sensible');
        await app.register(sensible);
        app.get('/', async () => {
          throw app.httpErrors.notFound(message);
        });
      }),
  },
];

const nestPeers: App[] = [
  {
    name: 'nest-fastify-default-404',
    framework: 'nest-fastify',
    label: "NestJS on Fastify, NotFoundException + Nest's own filter",
    status: 404,
    kind: 'peer',
    start: async () => {
      const { NotFoundException } = await import('@nestjs/common');
      return nestApp('fastify', () => {
        throw new NotFoundException(message);
      });
    },
  },
];

const honoPeers: App[] = [
  {
    name: 'hono-handwritten',
    framework: 'hono',
    label: 'Hono 4, HTTPException(404) + JSON onError',
    status: 404,
    kind: 'peer',
    start: async () => {
      const { HTTPException } = await import('hono/http-exception');
      return honoApp((app) => {
        app.onError((error, c) => {
          const status = error instanceof HTTPException ? error.status : 500;
          return c.json({ statusCode: status, error: status < 500 ? error.message : 'Internal Server Error' }, status);
        });
        app.get('/', () => {
          throw new HTTPException(404, { message });
        });
      });
    },
  },
];

export const apps: App[] = [
  ...rowsOf(koa),
  ...koaPeers,
  ...rowsOf(express),
  ...expressPeers,
  ...rowsOf(fastify),
  ...fastifyPeers,
  ...rowsOf(nest('express')),
  ...rowsOf(nest('fastify')),
  ...nestPeers,
  ...rowsOf(hono),
  ...honoPeers,
];

/**
 * What Express does to every request, alone: a node:http server answering the payload, and the same
 * server setting each request's and response's prototype to one made at start-up, as Express's
 * `app.handle` sets them to its app's (`Object.setPrototypeOf`). Only `npm run bench:gc` runs them.
 */
export const gcProbes: App[] = (['plain', 'prototypes'] as const).map((probe) => ({
  name: `node-http-${probe}`,
  framework: 'express',
  label: probe === 'plain' ? 'node:http, bare 200' : 'node:http, bare 200, Object.setPrototypeOf(req, res) as Express',
  status: 200,
  kind: 'peer',
  async start() {
    const { IncomingMessage, ServerResponse, createServer } = await import('node:http');
    const requestPrototype = Object.create(IncomingMessage.prototype);
    const responsePrototype = Object.create(ServerResponse.prototype);
    const body = JSON.stringify(payload);
    return listen(
      createServer((req, res) => {
        if (probe === 'prototypes') {
          Object.setPrototypeOf(req, requestPrototype);
          Object.setPrototypeOf(res, responsePrototype);
        }
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(body);
      }),
    );
  },
}));

/** The row `--<option>` of a bench tool names, among `rows`; a name that is none of theirs throws, listing them. */
export function rowNamed(tool: string, option: string, name: string | undefined, rows: readonly App[] = apps): App {
  const found = rows.find((candidate) => candidate.name === name);
  if (!found) throw new TypeError(`${tool}: --${option} must be one of ${rows.map((row) => row.name).join(', ')}`);
  return found;
}

/** The row of the bare app's second process, up beside it in every group of its framework (bench/http.ts). */
export const twinOf = (framework: Framework): string => `${bareOf[framework]}-twin`;

export const bareOf: Record<Framework, string> = {
  koa: 'koa-bare',
  express: 'express-bare',
  fastify: 'fastify-bare',
  'nest-express': 'nest-express-bare',
  'nest-fastify': 'nest-fastify-bare',
  hono: 'hono-bare',
};
