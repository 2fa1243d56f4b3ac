// A NestJS app with CodatErrorsModule, as docs/nestjs.md sets it up, on either platform. The
// registry's NestJS entries and the NestJS-only tests all build theirs here.
import 'reflect-metadata';
import { Module, type INestApplication, type LoggerService, type Type } from '@nestjs/common';
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

/**
 * Serves CodatErrorsModule with `controllers` (and `providers`), on Express or Fastify. Quiet, Nest's
 * logger is off (`logger: false`); otherwise its errors go to the console, as Nest prints them.
 */
export async function serveNest(
  platform: NestPlatform,
  controllers: Type[],
  options?: CodatErrorsOptions,
  quiet = true,
  configure: (app: INestApplication) => void = () => {},
): Promise<Served & { app: INestApplication }> {
  class TestApp {}
  Module({ imports: [CodatErrorsModule.forRoot(options ?? {})], controllers })(TestApp);
  const adapter = platform === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  const app = await NestFactory.create(TestApp, adapter, { logger: quiet ? false : consoleErrors });
  configure(app);
  await app.init();
  const instance = app.getHttpAdapter().getInstance();
  if (platform === 'fastify') await instance.ready();
  return { ...(await serve(platform === 'fastify' ? instance.routing : instance)), app };
}
