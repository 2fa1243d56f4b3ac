import { getCorrelationId } from './context.js';

/**
 * A pino `mixin`: every line logged during a request gets that request's `correlationId`; lines
 * logged outside a request get nothing added.
 *
 * @example
 * const logger = pino({ mixin: correlationMixin });
 */
export function correlationMixin(): { correlationId?: string } {
  const correlationId = getCorrelationId();
  // A new object each time: pino merges the line's own fields into what the mixin returns.
  return correlationId === undefined ? {} : { correlationId };
}
