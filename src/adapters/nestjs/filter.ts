import { ServerResponse } from 'node:http';
import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Engine } from '../../core/engine.js';
import { expressFailure } from './express-platform.js';
import { fastifyFailure } from './fastify-platform.js';
import { fromNest } from './nest-errors.js';

/**
 * The global exception filter: whatever a guard, pipe, interceptor or controller throws (Nest's
 * HttpException family included) is answered with the envelope, on either platform.
 */
export class CodatErrorsFilter implements ExceptionFilter {
  readonly #engine: Engine;

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    // HTTP only: a gateway or microservice of a hybrid app keeps its own handling of what it throws.
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const thrown = fromNest(exception);
    const response = http.getResponse<unknown>();
    if (response instanceof ServerResponse) expressFailure(this.#engine, thrown, http.getRequest(), response);
    else fastifyFailure(this.#engine, thrown, http.getRequest(), http.getResponse());
  }
}

// Catch() with no type: every exception. Called as a function, so that the package's own code needs
// no decorator settings of the compiler.
Catch()(CodatErrorsFilter);
