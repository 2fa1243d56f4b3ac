// The servers of the HTTP benchmark, one row each. Every app answers GET / with what its row names;
// each is started in its own process by bench/server.ts, and nothing here runs in the load generator.
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

export type Framework = 'koa' | 'express' | 'fastify';

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
const listen = (app: { listen(port: number, host: string): Server }): Promise<Server> =>
  new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1');
    server.once('listening', () => resolve(server));
  });

async function koa(middleware: ((...args: never[]) => unknown)[]): Promise<Server> {
  const { default: Koa } = await import('koa');
  const app = new Koa();
  for (const fn of middleware) app.use(fn as never);
  return listen(app);
}

async function express(build: (app: import('express').Express) => Promise<void> | void): Promise<Server> {
  const { default: Express } = await import('express');
  const app = Express();
  app.set('env', 'production');
  await build(app);
  return listen(app);
}

async function fastify(build: (app: import('fastify').FastifyInstance) => Promise<void>): Promise<Server> {
  const { default: Fastify } = await import('fastify');
  const app = Fastify();
  await build(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app.server;
}

async function ours(options: object = {}) {
  const { codatErrors } = await import('codat-errors');
  return codatErrors(options);
}

/** A handler that awaits a little, as real ones do: AsyncLocalStorage's cost grows with promises. */
const awaiting = async (ctx: { body: unknown }) => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
  ctx.body = payload;
};

export const apps: App[] = [
  {
    name: 'koa-bare',
    framework: 'koa',
    label: 'Koa 3, bare 200',
    status: 200,
    kind: 'bare',
    start: () =>
      koa([
        (ctx: { body: unknown }) => {
          ctx.body = payload;
        },
      ]),
  },
  {
    // The same app as koa-bare in a process of its own: how far from 1.00 the method puts two identical apps.
    name: 'koa-bare-twin',
    framework: 'koa',
    label: 'Koa 3, bare 200, a second process',
    status: 200,
    kind: 'bare',
    start: () =>
      koa([
        (ctx: { body: unknown }) => {
          ctx.body = payload;
        },
      ]),
  },
  {
    name: 'koa-ours-ok',
    framework: 'koa',
    label: 'Koa + codat-errors, 200',
    status: 200,
    kind: 'ours',
    start: async () =>
      koa([
        await ours(),
        (ctx: { body: unknown }) => {
          ctx.body = payload;
        },
      ]),
  },
  {
    // Only what the contract asks of every response: a nanoid in the response header, and an async layer
    // that catches. A middleware that meets the contract cannot do less on success: koa-ours-ok's floor.
    name: 'koa-id-floor',
    framework: 'koa',
    label: 'Koa, hand-written: nanoid header + try/await, 200',
    status: 200,
    kind: 'peer',
    start: async () => {
      const { nanoid } = await import('nanoid');
      const stampAndCatch = async (
        ctx: { res: import('node:http').ServerResponse; status: number },
        next: () => Promise<void>,
      ) => {
        ctx.res.setHeader('x-correlation-id', nanoid());
        try {
          await next();
        } catch {
          ctx.status = 500;
        }
      };
      return koa([
        stampAndCatch,
        (ctx: { body: unknown }) => {
          ctx.body = payload;
        },
      ]);
    },
  },
  {
    name: 'koa-ours-ok-context',
    framework: 'koa',
    label: 'Koa + codat-errors, 200, asyncContext: true',
    status: 200,
    kind: 'ours',
    start: async () =>
      koa([
        await ours({ asyncContext: true }),
        (ctx: { body: unknown }) => {
          ctx.body = payload;
        },
      ]),
  },
  {
    name: 'koa-ours-404',
    framework: 'koa',
    label: 'Koa + codat-errors, throw new NotFound()',
    status: 404,
    kind: 'ours',
    start: async () => {
      const { NotFound } = await import('codat-errors');
      return koa([
        await ours(),
        () => {
          throw new NotFound(message);
        },
      ]);
    },
  },
  {
    name: 'koa-ours-404-stacks',
    framework: 'koa',
    label: 'Koa + codat-errors, NotFound, clientErrorStacks',
    status: 404,
    kind: 'ours',
    start: async () => {
      const { CodatError, NotFound } = await import('codat-errors');
      CodatError.clientErrorStacks = true;
      return koa([
        await ours(),
        () => {
          throw new NotFound(message);
        },
      ]);
    },
  },
  {
    name: 'koa-ours-404-id',
    framework: 'koa',
    label: 'Koa + codat-errors, NotFound, incoming id',
    status: 404,
    kind: 'ours',
    headers: { 'x-correlation-id': 'V1StGXR8_Z5jdHi6B-myT' },
    start: async () => {
      const { NotFound } = await import('codat-errors');
      return koa([
        await ours(),
        () => {
          throw new NotFound(message);
        },
      ]);
    },
  },
  {
    name: 'koa-ours-402',
    framework: 'koa',
    label: 'Koa + codat-errors, LimitExceeded.companyLimit()',
    status: 402,
    kind: 'ours',
    start: async () => {
      const { LimitExceeded } = await import('codat-errors');
      return koa([
        await ours(),
        () => {
          throw LimitExceeded.companyLimit();
        },
      ]);
    },
  },
  {
    name: 'koa-ours-500',
    framework: 'koa',
    label: 'Koa + codat-errors, unknown Error (500)',
    status: 500,
    kind: 'ours',
    start: async () =>
      koa([
        await ours(),
        () => {
          throw new Error('db password=hunter2');
        },
      ]),
  },
  {
    name: 'koa-default-404',
    framework: 'koa',
    label: 'Koa default, ctx.throw(404)',
    status: 404,
    kind: 'peer',
    start: () => koa([(ctx: { throw(status: number, message: string): never }) => ctx.throw(404, message)]),
  },
  {
    name: 'koa-default-500',
    framework: 'koa',
    label: 'Koa default, unknown Error (500)',
    status: 500,
    kind: 'peer',
    start: () =>
      koa([
        () => {
          throw new Error('db password=hunter2');
        },
      ]),
  },
  {
    name: 'koa-json-error',
    framework: 'koa',
    label: 'koa-json-error, ctx.throw(404)',
    status: 404,
    kind: 'peer',
    start: async () => {
      const { default: jsonError } = await import('koa-json-error');
      return koa([jsonError(), (ctx: { throw(status: number, message: string): never }) => ctx.throw(404, message)]);
    },
  },
  {
    name: 'koa-context-off',
    framework: 'koa',
    label: 'Koa + codat-errors, awaiting 200, asyncContext: false',
    status: 200,
    kind: 'ours',
    asyncContextPair: true,
    start: async () => koa([await ours({ asyncContext: false }), awaiting]),
  },
  {
    name: 'koa-context-on',
    framework: 'koa',
    label: 'Koa + codat-errors, awaiting 200, asyncContext: true',
    status: 200,
    kind: 'ours',
    asyncContextPair: true,
    baseline: 'koa-context-off',
    start: async () => koa([await ours({ asyncContext: true }), awaiting]),
  },
  {
    name: 'express-bare',
    framework: 'express',
    label: 'Express 5, bare 200',
    status: 200,
    kind: 'bare',
    start: () =>
      express((app) => {
        app.get('/', (_req, res) => {
          res.json(payload);
        });
      }),
  },
  {
    name: 'express-ours-ok',
    framework: 'express',
    label: 'Express + codat-errors, 200',
    status: 200,
    kind: 'ours',
    start: async () => {
      const { codatErrors } = await import('codat-errors/express');
      const errors = codatErrors();
      return express((app) => {
        app.use(errors.correlation);
        app.get('/', (_req, res) => {
          res.json(payload);
        });
        app.use(errors.notFound);
        app.use(errors.handler);
      });
    },
  },
  {
    name: 'express-ours-404',
    framework: 'express',
    label: 'Express + codat-errors, throw new NotFound()',
    status: 404,
    kind: 'ours',
    start: async () => {
      const { codatErrors, NotFound } = await import('codat-errors/express');
      const errors = codatErrors();
      return express((app) => {
        app.use(errors.correlation);
        app.get('/', () => {
          throw new NotFound(message);
        });
        app.use(errors.notFound);
        app.use(errors.handler);
      });
    },
  },
  {
    name: 'express-handwritten',
    framework: 'express',
    label: 'Express 5, createError(404) + JSON handler',
    status: 404,
    kind: 'peer',
    start: async () => {
      const { default: createError } = await import('http-errors');
      return express((app) => {
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
  {
    name: 'fastify-bare',
    framework: 'fastify',
    label: 'Fastify 5, bare 200',
    status: 200,
    kind: 'bare',
    start: async () => {
      const { default: Fastify } = await import('fastify');
      const app = Fastify();
      app.get('/', async () => payload);
      await app.listen({ port: 0, host: '127.0.0.1' });
      return app.server;
    },
  },
  {
    name: 'fastify-ours-ok',
    framework: 'fastify',
    label: 'Fastify + codat-errors, 200',
    status: 200,
    kind: 'ours',
    start: () =>
      fastify(async (app) => {
        const { codatErrors } = await import('codat-errors/fastify');
        await app.register(codatErrors);
        app.get('/', async () => payload);
      }),
  },
  {
    // Only what the contract asks of every response: a nanoid in the response header (Fastify catches by
    // itself). A plugin that meets the contract cannot do less on success: fastify-ours-ok's floor.
    name: 'fastify-id-floor',
    framework: 'fastify',
    label: 'Fastify, hand-written: nanoid header in onRequest, 200',
    status: 200,
    kind: 'peer',
    start: () =>
      fastify(async (app) => {
        const { nanoid } = await import('nanoid');
        app.addHook('onRequest', (_request, reply, done) => {
          reply.header('x-correlation-id', nanoid());
          done();
        });
        app.get('/', async () => payload);
      }),
  },
  {
    name: 'fastify-ours-404',
    framework: 'fastify',
    label: 'Fastify + codat-errors, throw new NotFound()',
    status: 404,
    kind: 'ours',
    start: () =>
      fastify(async (app) => {
        const { codatErrors, NotFound } = await import('codat-errors/fastify');
        await app.register(codatErrors);
        app.get('/', async () => {
          throw new NotFound(message);
        });
      }),
  },
  {
    name: 'fastify-sensible-404',
    framework: 'fastify',
    label: 'Fastify 5 + @fastify/sensible, httpErrors.notFound()',
    status: 404,
    kind: 'peer',
    start: async () => {
      const { default: Fastify } = await import('fastify');
      const { default: sensible } = await import('@fastify/sensible');
      const app = Fastify();
      await app.register(sensible);
      app.get('/', async () => {
        throw app.httpErrors.notFound(message);
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      return app.server;
    },
  },
];

export const bareOf: Record<Framework, string> = { koa: 'koa-bare', express: 'express-bare', fastify: 'fastify-bare' };
