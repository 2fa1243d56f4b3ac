import { SpanStatusCode, trace } from '@opentelemetry/api';
import { asError, type ErrorReport } from '../core/report.js';
import { isCodatError } from '../errors/index.js';

/**
 * The span attribute that carries the correlation id.
 *
 * @example
 * spans.find((span) => span.attributes[correlationIdAttribute] === 'V1StGXR8_Z5jdHi6B-myT');
 */
export const correlationIdAttribute = 'codat.correlation_id';

/**
 * An `onError` hook that records each mapped error on the active span: the exception, the
 * attributes `error.type`, `http.response.status_code` and `codat.correlation_id`, and status
 * ERROR for 5xx only (a 4xx is the client's error, not the server's). Loads
 * `@opentelemetry/api`, so it lives apart from the package root.
 *
 * @example
 * import { recordErrorOnSpan } from 'codat-errors/opentelemetry';
 * app.use(codatErrors({ onError: recordErrorOnSpan }));
 */
export function recordErrorOnSpan(event: ErrorReport): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  const exception = 'err' in event ? asError(event.err) : undefined;
  if (exception) span.recordException(exception);
  // A thrown non-error was wrapped by asError, so its name says nothing: the status says more.
  const thrownError = exception !== undefined && exception === event.err;
  span.setAttributes({
    'error.type': thrownError ? exceptionType(exception) : String(event.statusCode),
    'http.response.status_code': event.statusCode,
    [correlationIdAttribute]: event.correlationId,
  });
  if (event.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
}

function exceptionType(error: Error): string {
  return (isCodatError(error) && error.exception) || error.name;
}
