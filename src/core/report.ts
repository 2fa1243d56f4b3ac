// The report of a mapped error to the app: its logger and its `onError` hook, or, without a logger,
// the line a 5xx is printed as.
import { capText } from './limits.js';

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

/** Characters of a thrown non-error's value that a printed 5xx shows. */
export const printedValueLength = 1000;

/**
 * Prints a 5xx for an app without a logger, the same on every framework: one `console.error` whose
 * first line names the status, method, path and correlation id, followed by the error's stack (or,
 * for a thrown non-error, its value, capped). Its query is never printed: it may hold a secret.
 *
 * @example
 * // codat-errors: 500 GET /invoices/7 correlationId=V1StGXR8_Z5jdHi6B-myT
 * // Error: db password=hunter2 is wrong
 * //     at …
 */
export function printFailure(thrown: unknown, details: ErrorDetails): void {
  const [head, body] = failureLines(thrown, details);
  console.error(`${head}\n${body}`);
}

/** What printFailure prints, as its first line and the rest: for a framework that prints through its own logger. */
export function failureLines(
  thrown: unknown,
  { statusCode, method, path, correlationId }: ErrorDetails,
): [head: string, body: string] {
  return [`codat-errors: ${statusCode} ${method} ${path} correlationId=${correlationId}`, printable(thrown)];
}

function printable(thrown: unknown): string {
  try {
    if (isError(thrown)) {
      const stack = thrown.stack;
      return typeof stack === 'string' ? stack : String(thrown);
    }
    return `A non-error value was thrown: ${valueText(thrown)}`;
  } catch {
    return 'An error was thrown that cannot be printed (a getter of it throws)';
  }
}

/** A thrown value as JSON where it has one (as Koa prints it), else as text; capped. */
function valueText(value: unknown): string {
  let text: string | undefined;
  try {
    text = typeof value === 'bigint' ? `${value}n` : JSON.stringify(value);
  } catch {
    // A cycle, a BigInt inside, a throwing toJSON: the text form follows.
  }
  const whole = text ?? String(value);
  return whole.length > printedValueLength ? `${capText(whole, printedValueLength)}…` : whole;
}

/**
 * Listeners of Koa's `app.on('error')` expect an Error: a thrown non-error is wrapped, kept as
 * `cause`. An error of another realm counts as one, by Koa's own test.
 */
export function asError(thrown: unknown): Error {
  return isError(thrown) ? thrown : new Error('A non-error value was thrown', { cause: thrown });
}

function isError(thrown: unknown): thrown is Error {
  try {
    return thrown instanceof Error || Object.prototype.toString.call(thrown) === '[object Error]';
  } catch {
    // A revoked Proxy cannot even be asked.
    return false;
  }
}
