// A NestJS app with the routes of the Koa example: `npm run start:nestjs` (on Express), or
// `npm run start:nestjs -- fastify`, then `curl -i localhost:3000/`. Plain JavaScript: Nest's
// decorators are applied as the functions they are.
import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { Controller, Module, Req, RequestMapping, RequestMethod, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { CodatErrorsModule, MethodNotAllowed } from 'codat-errors/nestjs';
import { handlers } from './routes.js';

export { routes } from './routes.js';

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The methods a path answers, listed as @koa/router's allowedMethods() lists them. */
function allowedMethods(path) {
  const answered = handlers
    .filter(([, pattern]) => pattern === path)
    .flatMap(([method]) => (method === 'GET' ? ['HEAD', 'GET'] : [method]));
  return [...new Set(answered)];
}

/** Adds a route to the controller: `handle(req, res)` under `name`, for `method` and `path`. */
function route(Routes, name, method, path, handle) {
  Object.defineProperty(Routes.prototype, name, { value: handle, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(Routes.prototype, name);
  RequestMapping({ path, method: RequestMethod[method] })(Routes.prototype, name, descriptor);
  Req()(Routes.prototype, name, 0);
  Res()(Routes.prototype, name, 1);
}

class ExampleController {}
Controller()(ExampleController);
handlers.forEach(([method, path, handle], index) => {
  route(ExampleController, `route${index}`, method, path, async (req, res) =>
    res.status(200).send(await handle({ params: req.params, query: req.query })),
  );
});
// Nest has no allowedMethods(): a known path asked with another method is a 405 with Allow, and
// OPTIONS lists the methods, as in the Koa example.
[...new Set(handlers.map(([, path]) => path))].forEach((path, index) => {
  const allowed = allowedMethods(path);
  // HEAD is answered by the GET route, which every path has, as allowed or not.
  for (const method of methods.filter((method) => method !== 'HEAD' && !allowed.includes(method))) {
    route(ExampleController, `other${index}${method}`, method, path, (_req, res) => {
      if (method !== 'OPTIONS') throw new MethodNotAllowed(allowed);
      res.header('allow', allowed.join(', ')).status(200).send();
    });
  }
});

export class AppModule {}
Module({ imports: [CodatErrorsModule.forRoot({ service: 'PublicApi' })], controllers: [ExampleController] })(AppModule);

/**
 * The Nest app on Express (the default) or on Fastify, not listening yet.
 * @param {{ platform?: 'express' | 'fastify', logger?: import('@nestjs/common').LogLevel[] | false }} [options]
 */
export function createApp({ platform = 'express', logger } = {}) {
  const adapter = platform === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  return NestFactory.create(AppModule, adapter, { logger: logger ?? ['error', 'warn'] });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const platform = process.argv[2] === 'fastify' ? 'fastify' : 'express';
  const app = await createApp({ platform });
  await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
  const address = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  console.log(`codat-errors NestJS example (${platform}) on ${address}/`);
}
