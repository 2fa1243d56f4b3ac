// The report of a mapped error to the app: its logger and its `onError` hook.

/** A pino-compatible logger: `warn` gets 4xx, `error` gets 5xx. */
export interface ErrorLogger {
  warn(details: object, message: string): unknown;
  error(details: object, message: string): unknown;
}

export interface ErrorDetails {
  correlationId: string;
  statusCode: number;
  method: string;
  path: string;
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

export interface Reporters {
  readonly logger: ErrorLogger | undefined;
  readonly onError: ErrorHook | undefined;
}

/** A thrown value, boxed so that `throw undefined` stays apart from "nothing was thrown". */
export interface Thrown {
  thrown: unknown;
}

/**
 * Hands a mapped error to the app's logger (5xx to `error`, 4xx to `warn`) and to its `onError`
 * hook. One that throws or rejects changes nothing about the response.
 */
export function reportError(
  { logger, onError }: Reporters,
  details: ErrorDetails,
  message: string,
  failure?: Thrown,
): void {
  if (!logger && !onError) return;
  const report: ErrorReport = failure ? { err: failure.thrown, ...details } : details;
  if (logger) contain(() => (details.statusCode >= 500 ? logger.error(report, message) : logger.warn(report, message)));
  if (onError) contain(() => onError(report));
}

/** Runs a call of the app's code whose failure, thrown or rejected, must not reach the response. */
function contain(call: () => unknown): void {
  try {
    const result = call();
    if (result instanceof Promise) result.catch(ignore);
  } catch {
    // The response matters more than the log line.
  }
}

function ignore(): void {}

/**
 * Prints a thrown value to stderr as Express's own handler does; one whose getters throw while printed
 * gets a fixed line.
 */
export function printError(thrown: unknown): void {
  try {
    console.error(asError(thrown));
  } catch {
    console.error('codat-errors: an error was thrown that cannot be printed (a getter of it throws)');
  }
}

/**
 * Listeners of Koa's `app.on('error')` expect an Error: a thrown non-error is wrapped, kept as
 * `cause`. An error of another realm counts as one, by Koa's own test.
 */
export function asError(thrown: unknown): Error {
  try {
    if (thrown instanceof Error || Object.prototype.toString.call(thrown) === '[object Error]') return thrown as Error;
  } catch {
    // A revoked Proxy cannot even be asked.
  }
  return new Error('A non-error value was thrown', { cause: thrown });
}
