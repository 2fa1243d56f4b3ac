// A NestJS app with CodatErrorsModule, as docs/nestjs.md sets it up, on either platform. The
// registry's NestJS entries and the NestJS-only tests all build theirs here.
import 'reflect-metadata';
import {
  Controller,
  Module,
  RequestMapping,
  RequestMethod,
  type INestApplication,
  type LoggerService,
  type Provider,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { CodatErrorsOptions } from 'codat-errors';
import { CodatErrorsModule } from 'codat-errors/nestjs';
import { serve, type Served } from './serve.ts';

export type NestPlatform = 'express' | 'fastify';

/** Nest's logger with only its errors, on the console: what an app's default logger prints of a 5xx. */
export const consoleErrors: LoggerService = {
  log() {},
  warn() {},
  // Nest's Logger hands on the message, the stack, then the context ('codat-errors').
  error(message: unknown, stack: unknown) {
    console.error(`${message}\n${stack}`);
  },
};

export interface NestSetup {
  controllers?: Type[];
  /** More modules of the app (one with middleware, say). */
  imports?: Type[];
  /** Providers of the app (an APP_GUARD, APP_PIPE or APP_INTERCEPTOR, say). */
  providers?: Provider[];
  /** The options of codat-errors. */
  options?: CodatErrorsOptions | undefined;
  /** Nest's logger off; otherwise its errors go to the console, as Nest prints them. */
  quiet?: boolean;
  /** Called on the app before init: global pipes, Fastify hooks. */
  configure?: (app: INestApplication) => void;
}

/** Serves CodatErrorsModule with what `setup` adds, on Express or Fastify. */
export async function serveNest(
  platform: NestPlatform,
  { controllers = [], imports = [], providers = [], options, quiet = true, configure = () => {} }: NestSetup = {},
): Promise<Served & { app: INestApplication }> {
  class TestApp {}
  Module({ imports: [CodatErrorsModule.forRoot(options ?? {}), ...imports], controllers, providers })(TestApp);
  const adapter = platform === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  const app = await NestFactory.create(TestApp, adapter, { logger: quiet ? false : consoleErrors });
  configure(app);
  await app.init();
  const instance = app.getHttpAdapter().getInstance();
  if (platform === 'fastify') await instance.ready();
  return { ...(await serve(platform === 'fastify' ? instance.routing : instance)), app };
}

/** A route of `controllerOf`: its handler, and Nest decorators for it and its parameters. */
export interface NestRoute {
  handle: (...args: never[]) => unknown;
  /** Applied to the method, as `@UseGuards(...)` would be. */
  decorators?: MethodDecorator[];
  /** One per parameter, in order, as `@Req()` or `@Body()` would be. */
  params?: ParameterDecorator[];
  /** The parameters' classes, which TypeScript would emit as `design:paramtypes` (tsx emits none). */
  paramTypes?: unknown[];
}

/** A controller with one method per route, keyed `'GET /path'`; Nest's decorators applied as functions. */
export function controllerOf(routes: Record<string, NestRoute | NestRoute['handle']>): Type {
  class RoutesController {}
  Controller()(RoutesController);
  Object.entries(routes).forEach(([key, route], index) => {
    const {
      handle,
      decorators = [],
      params = [],
      paramTypes,
    } = typeof route === 'function' ? { handle: route } : route;
    const [method, path] = key.split(' ') as [keyof typeof RequestMethod, string];
    const name = `route${index}`;
    // A function of its own per route: Nest keeps a route's metadata on its function.
    const value = (...args: never[]) => handle(...args);
    Object.defineProperty(RoutesController.prototype, name, { value, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(RoutesController.prototype, name)!;
    RequestMapping({ path, method: RequestMethod[method] })(RoutesController.prototype, name, descriptor);
    for (const decorate of decorators) decorate(RoutesController.prototype, name, descriptor);
    params.forEach((decorate, position) => {
      decorate(RoutesController.prototype, name, position);
    });
    if (paramTypes) Reflect.defineMetadata('design:paramtypes', paramTypes, RoutesController.prototype, name);
  });
  return RoutesController;
}
