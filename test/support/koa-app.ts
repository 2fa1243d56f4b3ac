// A Koa app behind codat-errors, as the README sets it up. The registry's Koa entries and the Koa-only
// tests all build theirs here.
import Router from '@koa/router';
import Koa3 from 'koa';
// @ts-expect-error: Koa 2 is installed under an alias and has no types of its own here.
import Koa2Untyped from 'koa2';
import { codatErrors, type CodatErrorsOptions } from 'codat-errors';
import { serve, type Served } from './serve.ts';

export type Koa = typeof Koa3;
export type KoaApp = Koa3;
export type KoaRouter = Router;
export const Koa2 = Koa2Untyped as Koa;

export const koaMajors = [
  ['Koa 3', Koa3],
  ['Koa 2', Koa2],
] as const;

/**
 * Serves codat-errors first, then what `setup` adds to the app; the router (and its allowedMethods())
 * is mounted last, and only when `setup` gave it routes. Koa prints each 5xx it is told of unless the
 * app is silent: silent by default, so that the tests' own errors stay out of the output.
 */
export async function serveKoa(
  Koa: Koa,
  setup: (app: KoaApp, router: KoaRouter) => void,
  options?: CodatErrorsOptions,
  silent = true,
): Promise<Served> {
  const app: KoaApp = new Koa();
  app.silent = silent;
  app.use(codatErrors(options));
  const router = new Router();
  setup(app, router);
  if (router.stack.length > 0) app.use(router.routes()).use(router.allowedMethods());
  return serve(app.callback());
}

export interface Emitted {
  error: Error;
  correlationId: unknown;
}

/** serveKoa, with what the app emits as `error` (what its listeners, and Koa's printing, are given) recorded. */
export async function serveKoaRecording(
  Koa: Koa,
  setup: (app: KoaApp, router: KoaRouter) => void,
  options?: CodatErrorsOptions,
): Promise<Served & { emitted: Emitted[] }> {
  const emitted: Emitted[] = [];
  const served = await serveKoa(
    Koa,
    (app, router) => {
      app.on('error', (error: Error, ctx: { state: { correlationId?: unknown } }) =>
        emitted.push({ error, correlationId: ctx.state.correlationId }),
      );
      setup(app, router);
    },
    options,
  );
  return { ...served, emitted };
}
