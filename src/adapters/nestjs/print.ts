import { Logger } from '@nestjs/common';
import type { Engine, ErrorResponse, RequestLine } from '../../core/engine.js';
import { failureLines } from '../../core/report.js';

// Nest's Logger, not the console: `logger: false`, `app.useLogger()` and buffered logs apply to it.
const logger = new Logger('codat-errors');

/**
 * Without the app's `logger` option, a 5xx is printed where Nest prints its own errors, once: its
 * first line names the status, method, path and id, then comes the stack.
 */
export function announce(
  engine: Engine,
  thrown: unknown,
  response: ErrorResponse,
  { method, path }: RequestLine,
  correlationId: string,
): void {
  if (engine.logger || response.status < 500) return;
  const [head, body] = failureLines(thrown, { correlationId, statusCode: response.status, method, path });
  try {
    logger.error(head, body);
  } catch {
    // A logger that cannot write this value must not change the response.
  }
}
