// Every adapter the contract tests run against: its example app, and an app whose routes throw given values.
// Adding an adapter is adding one entry.
import Router from '@koa/router';
import express from 'express';
import Koa from 'koa';
import { codatErrors } from 'codat-errors';
import { serve } from './serve.ts';
import { serveExpress } from './targets.ts';

export type Route = readonly [method: string, path: string, status: number];

export interface Adapter {
  name: string;
  /** Serves the adapter's example app; resolves to its URL and its table of routes. */
  example(): Promise<{ url: string; routes: readonly Route[] }>;
  /** Serves an app whose route `/throw/<i>` throws `thrown[i]()`. */
  throwing(thrown: ReadonlyArray<() => unknown>): Promise<string>;
}

export const adapters: Adapter[] = [
  {
    name: 'Koa',
    async example() {
      const { createApp, routes } = await import('../../examples/koa.js');
      const app = createApp();
      app.silent = true;
      return { url: (await serve(app.callback())).url, routes };
    },
    async throwing(thrown) {
      const app = new Koa();
      app.silent = true;
      app.use(codatErrors());
      const router = new Router();
      thrown.forEach((make, index) => router.all(`/throw/${index}`, () => { throw make(); }));
      app.use(router.routes());
      return (await serve(app.callback())).url;
    },
  },
  {
    name: 'Express',
    async example() {
      const { createApp, routes } = await import('../../examples/express.js');
      const app = createApp();
      app.set('env', 'test');
      return { url: (await serve(app)).url, routes };
    },
    async throwing(thrown) {
      const served = await serveExpress(express, (app) => {
        // An async handler: Express 5 reports even a falsy rejection as an error, where a falsy throw means "no error".
        thrown.forEach((make, index) => app.all(`/throw/${index}`, async () => { throw make(); }));
      });
      return served.url;
    },
  },
];
