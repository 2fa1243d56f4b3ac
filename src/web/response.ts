import type { ErrorResponse } from '../core/engine.js';
import { type HeaderValue, staleHeaders } from '../core/headers.js';

const encoder = new TextEncoder();

/**
 * The envelope as a web `Response`: its bytes (none for HEAD, with the length a GET would have), the
 * error's headers, the id's header, and the headers of the response it replaces, if any, except those
 * describing that response's body.
 */
export function envelopeResponse(
  response: ErrorResponse,
  method: string,
  correlation: readonly [header: string, id: string],
  kept?: Headers,
): Response {
  const bytes = encoder.encode(response.body);
  const own: Array<readonly [string, HeaderValue]> = [
    ...response.headers,
    ['content-length', String(bytes.byteLength)],
    correlation,
  ];
  const headers = (kept === undefined && record(own)) || merged(own, kept);
  return new Response(method === 'HEAD' ? null : bytes, { status: response.status, headers });
}

/**
 * The headers as a plain record, which Hono's Node server writes as it is, where a `Headers` costs it
 * a copy (a thrown 402 on Hono went from 0.62 to 0.65–0.68 of bare Hono, `npm run bench`); undefined
 * when a header has several values, which a record cannot hold.
 */
function record(own: ReadonlyArray<readonly [string, HeaderValue]>): Record<string, string> | undefined {
  // No prototype: a header named `__proto__` is a header like any other.
  const headers: Record<string, string> = Object.create(null);
  for (const [name, value] of own) {
    if (typeof value !== 'string') return undefined;
    headers[name] = value;
  }
  return headers;
}

/** The kept headers, less those describing the body replaced, with the envelope's own set over them. */
function merged(own: ReadonlyArray<readonly [string, HeaderValue]>, kept: Headers | undefined): Headers {
  const headers = new Headers(kept);
  for (const name of staleHeaders) headers.delete(name);
  for (const [name, value] of own) {
    if (typeof value === 'string') headers.set(name, value);
    else {
      headers.delete(name);
      for (const each of value) headers.append(name, each);
    }
  }
  return headers;
}

/**
 * The response with the id's header. Headers that cannot change (a response of `fetch()`,
 * `Response.redirect()`) are copied into a new response around the same body stream, not read.
 */
export function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}
