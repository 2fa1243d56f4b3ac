import { createEngine, type Engine } from '../core/engine.js';
import type { CodatErrorsOptions } from '../core/options.js';
import { asyncContextRunner } from '../correlation/context.js';

/**
 * The engine of a web entry. AsyncLocalStorage is looked for only when `asyncContext: true` asks for
 * it; where the runtime has none, createEngine throws its set-up error.
 */
export function webEngine(options: CodatErrorsOptions | undefined): Engine {
  const asks = typeof options === 'object' && options !== null && options.asyncContext === true;
  return createEngine(options, asks ? asyncContextRunner() : undefined);
}
