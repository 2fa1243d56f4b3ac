import { envelopeOf, type ErrorEnvelope } from './envelope.js';
import type { HeaderList } from './headers.js';
import type { Problem } from './normalize.js';

export const jsonContentType = 'application/json; charset=utf-8';

/** Everything an adapter writes for an error: the one place that serializes. */
export interface ErrorResponse {
  readonly status: number;
  /** The error's own headers, then `content-type` and `x-content-type-options`. */
  readonly headers: HeaderList;
  readonly body: string;
  readonly envelope: ErrorEnvelope;
}

export function renderProblem(problem: Problem, service: string, correlationId: string): ErrorResponse {
  const envelope = envelopeOf(problem, service, correlationId);
  return {
    status: problem.status,
    headers: [...problem.headers, ['content-type', jsonContentType], ['x-content-type-options', 'nosniff']],
    body: JSON.stringify(envelope),
    envelope,
  };
}

/** Headers that describe a body which the error response replaces. */
export function isStaleHeader(name: string): boolean {
  return name.startsWith('content-') || name === 'etag' || name === 'last-modified';
}
