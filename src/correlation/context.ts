import { AsyncLocalStorage } from 'node:async_hooks';
import { defaultCorrelationHeader } from '../contract/correlation-id.js';

/**
 * What the request in progress carries to the code it runs: its id and the header the id travels in
 * (the middleware's correlation header: the first of a list).
 */
export interface CorrelationScope {
  readonly correlationId: string;
  readonly header: string;
}

const storage = new AsyncLocalStorage<CorrelationScope>();

/**
 * Runs `fn` with `correlationId` as the current id: `getCorrelationId()` returns it anywhere in the
 * async work `fn` starts (promises, timers, streams, emitters made there). Adapters call it around
 * the rest of the request; call it yourself to carry an id into a queue consumer or a job.
 *
 * @example
 * await runWithCorrelationId(job.correlationId, () => processJob(job));
 */
export function runWithCorrelationId<T>(
  correlationId: string,
  fn: () => T,
  header: string = defaultCorrelationHeader,
): T {
  return storage.run({ correlationId, header }, fn);
}

/**
 * The current request's correlation id, or `undefined` outside a request (or with the middleware's
 * `asyncContext: false`).
 *
 * @example
 * logger.info({ correlationId: getCorrelationId() }, 'charging card');
 */
export function getCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** The current request's id with its header, for outgoing calls; `undefined` outside a request. */
export function currentCorrelation(): CorrelationScope | undefined {
  return storage.getStore();
}
