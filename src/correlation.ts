import { nanoid } from 'nanoid';

export const maxCorrelationIdLength = 128;
const correlationIdCharacters = /^[A-Za-z0-9_.:-]+$/;

/**
 * An id is reused only when it is 1 to 128 characters of `A-Z a-z 0-9 - _ . :`. The length is
 * checked first, so a long header costs nothing; the pattern cannot backtrack.
 *
 * @example
 * isValidCorrelationId('V1StGXR8_Z5jdHi6B-myT'); // true
 * isValidCorrelationId('a b'); // false
 */
export function isValidCorrelationId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= maxCorrelationIdLength &&
    correlationIdCharacters.test(value)
  );
}

/** A request's headers as Node gives them: lower-case names. */
export type IncomingHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface CorrelationPolicy {
  /** The lower-case name of the header that carries the id. */
  header: string;
  trustIncomingId: boolean;
  generateId: () => string;
  /** Use the trace id of an incoming W3C `traceparent` when the correlation header brings no usable id. */
  traceIdAsCorrelationId?: boolean;
}

/** Version, 32-hex trace id, 16-hex parent id, flags; version `ff` and the all-zero trace id are invalid. */
const traceparentFormat = /^(?!ff)[0-9a-f]{2}-(?!0{32})([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(?:-|$)/;

/**
 * The trace id of a W3C `traceparent` header value, or `undefined` when it is not a valid one.
 *
 * @example
 * traceIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'); // '4bf92f3577b34da6a3ce929d0e0e4736'
 */
export function traceIdOf(traceparent: unknown): string | undefined {
  return typeof traceparent === 'string' ? traceparentFormat.exec(traceparent)?.[1] : undefined;
}

/**
 * Returns the function that picks a request's id from its headers: the correlation header's when
 * trusted and valid, else the `traceparent` trace id when asked for, else a generated one. It reads
 * only the headers its policy uses: every request pays for each. A generator that throws or returns
 * an invalid id is replaced by nanoid for that request, so an id is always there.
 */
export function createCorrelator({ header, trustIncomingId, generateId, traceIdAsCorrelationId = false }: CorrelationPolicy): (headers: IncomingHeaders) => string {
  // Takes no argument, so that it can stand where a function of the headers is expected (nanoid
  // would take them for its size).
  const generate: () => string =
    generateId === nanoid
      ? () => nanoid()
      : () => {
          try {
            const id = generateId();
            if (isValidCorrelationId(id)) return id;
          } catch {
            // Fall through to an id that is known to be good.
          }
          return nanoid();
        };
  if (!trustIncomingId) return generate;
  const fallback = traceIdAsCorrelationId ? (headers: IncomingHeaders) => traceIdOf(headers.traceparent) ?? generate() : generate;
  return (headers) => {
    const incoming = headers[header];
    return isValidCorrelationId(incoming) ? incoming : fallback(headers);
  };
}
