// Every framework the package supports, with each way its handlers report an error: the shared case
// table runs against all of them.
import Router from '@koa/router';
import express5, { type RequestHandler } from 'express';
// @ts-expect-error: Express 4 is installed under an alias; its types are those of Express 5 here.
import express4Untyped from 'express4';
import Koa3 from 'koa';
// @ts-expect-error: Koa 2 is installed under an alias and has no types of its own here.
import Koa2 from 'koa2';
import { codatErrors as koaErrors, type CodatErrorsOptions } from 'codat-errors';
import { codatErrors as expressErrors } from 'codat-errors/express';
import { serve } from './serve.ts';

export const express4 = express4Untyped as typeof express5;
type Express = typeof express5;
type ExpressApp = ReturnType<Express>;

export const expressMajors = [['Express 5', express5], ['Express 4', express4]] as const;

/**
 * An Express app behind the adapter, as the README sets it up: `setup` adds the routes. The `test`
 * environment keeps Express from printing the errors the tests cause.
 */
export async function serveExpress(express: Express, setup: (app: ExpressApp) => void, options?: CodatErrorsOptions) {
  const errors = expressErrors(options);
  const app = express();
  app.set('env', 'test');
  app.use(errors.correlation);
  setup(app);
  app.use(errors.notFound);
  app.use(errors.handler);
  return serve(app);
}

type Fail = (index: number) => unknown;

export interface Target {
  name: string;
  /** Serves `/case/:index`, whose handler fails with `fail(index)`; nothing else is routed. */
  serve(fail: Fail): Promise<string>;
  /**
   * True when the framework reads the value as "no error" before any error handler sees it: Express
   * calls `next(value)` for a synchronous throw, and `next(undefined)` goes on to the next route.
   */
  passesOn(thrown: unknown): boolean;
}

const never = () => false;
const falsy = (thrown: unknown) => !thrown;

function koaTarget(name: string, Koa: typeof Koa3): Target {
  return {
    name: `${name}, thrown`,
    async serve(fail) {
      const app = new Koa();
      app.silent = true;
      app.use(koaErrors());
      const router = new Router();
      router.all('/case/:index', (ctx) => { throw fail(Number(ctx.params.index)); });
      app.use(router.routes()).use(router.allowedMethods());
      return (await serve(app.callback())).url;
    },
    passesOn: never,
  };
}

function expressTarget(name: string, express: Express, style: string, passesOn: Target['passesOn'],
  route: (fail: Fail) => RequestHandler): Target {
  return {
    name: `${name}, ${style}`,
    async serve(fail) {
      return (await serveExpress(express, (app) => app.all('/case/:index', route(fail)))).url;
    },
    passesOn,
  };
}

const index = (req: { params: Record<string, string | string[]> }) => Number(req.params.index);

export const targets: Target[] = [
  koaTarget('Koa 3', Koa3),
  koaTarget('Koa 2', Koa2),
  // Express 5 turns a falsy rejection into `new Error('Rejected promise')`: an error like any other.
  expressTarget('Express 5', express5, 'async handler rejects', never, (fail) => async (req) => { throw fail(index(req)); }),
  expressTarget('Express 5', express5, 'thrown', falsy, (fail) => (req) => { throw fail(index(req)); }),
  expressTarget('Express 4', express4, 'thrown', falsy, (fail) => (req) => { throw fail(index(req)); }),
  expressTarget('Express 4', express4, 'next(err)', falsy, (fail) => (req, _res, next) => next(fail(index(req)))),
];
