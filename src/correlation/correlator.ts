import { nanoid } from 'nanoid';
import { isValidCorrelationId } from '../contract/correlation-id.js';

/** A request's headers as Node gives them: lower-case names. */
export type IncomingHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface CorrelationPolicy {
  /** The lower-case name of the header that carries the id, or the names of several, in order of preference. */
  header: string | readonly string[];
  trustIncomingId: boolean;
  /** Default `nanoid()`. */
  generateId?: (() => string) | undefined;
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
 * trusted and valid (with a list of headers, the first that holds a valid id), else the `traceparent`
 * trace id when asked for, else a generated one. It reads only the headers its policy uses: every
 * request pays for each. A generator that throws or returns an invalid id is replaced by nanoid for
 * that request, so an id is always there.
 */
export function createCorrelator({
  header,
  trustIncomingId,
  generateId,
  traceIdAsCorrelationId = false,
}: CorrelationPolicy): (headers: IncomingHeaders) => string {
  const generate = generateId ? guarded(generateId) : newCorrelationId;
  if (!trustIncomingId) return generate;
  const fallback = traceIdAsCorrelationId
    ? (headers: IncomingHeaders) => traceIdOf(headers.traceparent) ?? generate()
    : generate;
  if (typeof header !== 'string') {
    return (headers) => {
      for (let index = 0; index < header.length; index++) {
        const incoming = headers[header[index]!];
        if (isValidCorrelationId(incoming)) return incoming;
      }
      return fallback(headers);
    };
  }
  return (headers) => {
    const incoming = headers[header];
    return isValidCorrelationId(incoming) ? incoming : fallback(headers);
  };
}

/**
 * The request headers a correlator of this policy reads, lower-case: a runtime whose headers are
 * not a plain record (a web `Headers`) copies these, and only these, into one.
 */
export function headersReadBy({
  header,
  trustIncomingId,
  traceIdAsCorrelationId = false,
}: CorrelationPolicy): string[] {
  if (!trustIncomingId) return [];
  const names = typeof header === 'string' ? [header] : [...header];
  if (traceIdAsCorrelationId) names.push('traceparent');
  return names;
}

/**
 * A fresh id. It takes no argument, so that it can stand where a function of the headers is expected
 * (nanoid takes a size).
 */
export function newCorrelationId(): string {
  return nanoid();
}

/** The app's generator, with nanoid standing in for a call that throws or returns an invalid id. */
function guarded(generateId: () => string): () => string {
  return () => {
    try {
      const id = generateId();
      if (isValidCorrelationId(id)) return id;
    } catch {
      // Fall through to an id that is known to be good.
    }
    return nanoid();
  };
}
