import { defaultCorrelationHeader } from '../contract/correlation-id.js';

/**
 * What the request in progress carries to the code it runs: its id and the header the id travels in
 * (the middleware's correlation header: the first of a list).
 */
export interface CorrelationScope {
  readonly correlationId: string;
  readonly header: string;
}

/** The part of node:async_hooks' AsyncLocalStorage used here (Node, Bun, Deno, Workers with nodejs_compat). */
interface ScopeStorage {
  run<T>(scope: CorrelationScope, fn: () => T): T;
  getStore(): CorrelationScope | undefined;
}

type StorageClass = new () => ScopeStorage;

interface BuiltinLoader {
  getBuiltinModule?(id: string): { AsyncLocalStorage?: StorageClass } | undefined;
}

/** Created at the first request that asks for it: the web entries must load on runtimes without it. */
let storage: ScopeStorage | undefined;

/**
 * AsyncLocalStorage, found without a static `node:` import (which a Worker without `nodejs_compat`, or a
 * bundler without a flag, would refuse): through `process.getBuiltinModule` (Node ≥ 20.16, Bun, Deno,
 * workerd with `nodejs_compat`). Undefined where the runtime has none.
 */
function storageClass(): StorageClass | undefined {
  return (globalThis as { process?: BuiltinLoader }).process?.getBuiltinModule?.('node:async_hooks')?.AsyncLocalStorage;
}

function scopeStorage(): ScopeStorage {
  if (storage) return storage;
  const Storage = storageClass();
  if (!Storage) {
    throw new TypeError('codat-errors: runWithCorrelationId needs AsyncLocalStorage, which this runtime does not have');
  }
  storage = new Storage();
  return storage;
}

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
  return scopeStorage().run({ correlationId, header }, fn);
}

/**
 * `runWithCorrelationId` where the runtime has AsyncLocalStorage, else undefined: what an adapter gives
 * `createEngine` for `asyncContext: true`. Call it only when the option asks for it.
 */
export function asyncContextRunner(): typeof runWithCorrelationId | undefined {
  return storage || storageClass() ? runWithCorrelationId : undefined;
}

/**
 * The current request's correlation id, or `undefined` outside a request (or with the middleware's
 * `asyncContext: false`).
 *
 * @example
 * logger.info({ correlationId: getCorrelationId() }, 'charging card');
 */
export function getCorrelationId(): string | undefined {
  return storage?.getStore()?.correlationId;
}

/** The current request's id with its header, for outgoing calls; `undefined` outside a request. */
export function currentCorrelation(): CorrelationScope | undefined {
  return storage?.getStore();
}
