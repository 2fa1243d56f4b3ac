import type { ServerResponse } from 'node:http';
import type { ErrorResponse } from '../core/engine.js';
import { staleHeaders } from '../core/headers.js';

/**
 * Puts an error's headers on a response that has not been sent: the headers describing the body it
 * replaces go, every other one already set (CORS, cookies, the correlation id) stays.
 *
 * @example
 * setErrorHeaders(res, engine.failure(thrown, request, correlationId));
 */
export function setErrorHeaders(res: ServerResponse, response: ErrorResponse): void {
  for (const name of staleHeaders) res.removeHeader(name);
  for (const [name, value] of response.headers) res.setHeader(name, value);
}

/**
 * Sends the status and the envelope's bytes (none for HEAD) and ends the response; its headers are
 * set first with setErrorHeaders.
 *
 * @example
 * setErrorHeaders(res, response);
 * endWithError(res, response, req.method);
 */
export function endWithError(res: ServerResponse, response: ErrorResponse, method: string | undefined): void {
  res.statusCode = response.status;
  res.setHeader('content-length', Buffer.byteLength(response.body));
  res.end(method === 'HEAD' ? undefined : response.body);
}
