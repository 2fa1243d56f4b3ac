import { Inject, Module, type DynamicModule, type NestModule, type OnModuleInit } from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
import { createEngine, type Engine } from '../../core/engine.js';
import type { CodatErrorsOptions } from '../../core/options.js';
import { runWithCorrelationId } from '../../correlation/context.js';
import { expressAfterRoutes, expressBeforeRoutes, type ExpressInstance } from './express-platform.js';
import { fastifyHooks, type FastifyInstance } from './fastify-platform.js';
import { CodatErrorsFilter } from './filter.js';

// The global namespace that @types/express merges into its Request: `@Req() req: Request` has the id
// typed on platform-express, and it compiles in a project that has no Express types at all.
declare global {
  namespace Express {
    interface Request {
      /** This request's correlation id, set by codat-errors. */
      correlationId: string;
    }
  }
}

/** A request once codat-errors has stamped it: `@Req() req: FastifyRequest & CorrelatedRequest` on platform-fastify. */
export interface CorrelatedRequest {
  /** This request's correlation id, set by codat-errors. */
  correlationId: string;
}

const engineToken = Symbol('codat-errors.engine');

/**
 * The NestJS module (Nest 11, on @nestjs/platform-express and @nestjs/platform-fastify): the same
 * envelopes, headers and options as the Koa middleware, for the whole app. A correlation id on every
 * request (`req.correlationId`) and response, a global exception filter answering the envelope for
 * everything thrown, and an unmatched route answered with the 404 envelope.
 *
 * @example
 * const AppModule = Module({ imports: [CodatErrorsModule.forRoot({ service: 'PublicApi' })] })(class {});
 */
export class CodatErrorsModule implements NestModule, OnModuleInit {
  readonly #adapterHost: HttpAdapterHost;
  readonly #engine: Engine;

  constructor(adapterHost: HttpAdapterHost, engine: Engine) {
    this.#adapterHost = adapterHost;
    this.#engine = engine;
  }

  /** The module with its options, checked here: an invalid one throws, saying what to pass. */
  static forRoot(options?: CodatErrorsOptions): DynamicModule {
    const engine = createEngine(options, runWithCorrelationId);
    return {
      module: CodatErrorsModule,
      global: true,
      providers: [
        { provide: engineToken, useValue: engine },
        { provide: APP_FILTER, useValue: new CodatErrorsFilter(engine) },
      ],
    };
  }

  /** Nest calls it before it mounts the routes (after its body parsers): the id's hooks go first. */
  configure(): void {
    const adapter = this.#adapterHost.httpAdapter;
    const platform = adapter.getType();
    if (platform === 'express') expressBeforeRoutes(this.#engine, adapter.getInstance<ExpressInstance>());
    else if (platform === 'fastify') fastifyHooks(this.#engine, adapter.getInstance<FastifyInstance>());
    else {
      throw new TypeError(
        `codat-errors: CodatErrorsModule runs on @nestjs/platform-express or @nestjs/platform-fastify, not on "${platform}"`,
      );
    }
  }

  /** Nest calls it once the routes are mounted, before its own 404 (`Cannot GET /x`), which Express needs beaten to it. */
  onModuleInit(): void {
    const adapter = this.#adapterHost.httpAdapter;
    if (adapter?.getType() === 'express') expressAfterRoutes(this.#engine, adapter.getInstance<ExpressInstance>());
  }
}

// Decorators called as functions: the package's own code needs no decorator settings of the compiler.
Module({})(CodatErrorsModule);
Inject(HttpAdapterHost)(CodatErrorsModule, undefined, 0);
Inject(engineToken)(CodatErrorsModule, undefined, 1);
