import type { ServerResponse } from 'node:http';
import type { ErrorResponse } from './render.js';

/**
 * Headers that describe a body which the error response replaces (`content-type` and
 * `content-length` are set anew). A fixed list, as finalhandler has: `Content-Security-Policy` is a
 * `Content-*` header that protects the error response too.
 */
const staleHeaders: readonly string[] = [
  'content-digest', 'content-disposition', 'content-encoding', 'content-language', 'content-location', 'content-md5',
  'content-range', 'etag', 'last-modified',
];

/**
 * Puts an error's headers on a response that has not been sent: the headers describing the body it
 * replaces go, every other one already set (CORS, cookies, the correlation id) stays.
 *
 * @example
 * setErrorHeaders(res, renderProblem(normalize(thrown), 'PublicApi', correlationId));
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
