import { types } from 'node:util';
import type { ErrorLogger } from './options.js';

/** A thrown value, boxed so that `throw undefined` stays apart from "nothing was thrown". */
export interface Thrown {
  thrown: unknown;
}

export interface ErrorDetails {
  correlationId: string;
  statusCode: number;
  method: string;
  path: string;
}

/**
 * Hands a mapped error to the app's logger: 5xx to `error`, 4xx to `warn`. A logger that throws
 * or rejects changes nothing about the response.
 */
export function logError(logger: ErrorLogger | undefined, failure: Thrown | undefined, details: ErrorDetails, message: string): void {
  if (!logger) return;
  try {
    const entry = failure ? { err: failure.thrown, ...details } : details;
    const result: unknown = details.statusCode >= 500 ? logger.error(entry, message) : logger.warn(entry, message);
    if (result instanceof Promise) result.catch(ignore);
  } catch {
    // The response matters more than the log line.
  }
}

/** What `onError` receives of a mapped error, as the logger does: `err` is there only when something was thrown. */
export interface ErrorReport extends ErrorDetails {
  err?: unknown;
}

/**
 * The `onError` option: called with each mapped error; what it returns is ignored.
 *
 * @example
 * const onError: ErrorHook = ({ statusCode }) => errorCounter.add(1, { status: statusCode });
 */
export type ErrorHook = (event: ErrorReport) => unknown;

/** Hands a mapped error to the app's `onError` hook; a hook that throws or rejects changes nothing. */
export function notifyError(hook: ErrorHook | undefined, failure: Thrown | undefined, details: ErrorDetails): void {
  if (!hook) return;
  try {
    const result = hook(failure ? { err: failure.thrown, ...details } : details);
    if (result instanceof Promise) result.catch(ignore);
  } catch {
    // As for the logger: the response matters more.
  }
}

function ignore(): void {}

/** Prints a thrown value to stderr as Express's own handler does; one whose getters throw while printed gets a fixed line. */
export function printError(thrown: unknown): void {
  try {
    console.error(asError(thrown));
  } catch {
    console.error('codat-errors: an error was thrown that cannot be printed (a getter of it throws)');
  }
}

/** Listeners of Koa's `app.on('error')` expect an Error: a thrown non-error is wrapped, kept as `cause`. */
export function asError(thrown: unknown): Error {
  try {
    if (types.isNativeError(thrown) || thrown instanceof Error) return thrown as Error;
  } catch {
    // A revoked Proxy cannot even be asked.
  }
  return new Error('A non-error value was thrown', { cause: thrown });
}
