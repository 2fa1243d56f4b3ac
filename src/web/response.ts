import type { ErrorResponse } from '../core/engine.js';
import { staleHeaders } from '../core/headers.js';

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
  const headers = new Headers(kept);
  for (const name of staleHeaders) headers.delete(name);
  for (const [name, value] of response.headers) {
    if (typeof value === 'string') headers.set(name, value);
    else {
      headers.delete(name);
      for (const each of value) headers.append(name, each);
    }
  }
  const bytes = encoder.encode(response.body);
  headers.set('content-length', String(bytes.byteLength));
  headers.set(correlation[0], correlation[1]);
  return new Response(method === 'HEAD' ? null : bytes, { status: response.status, headers });
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
