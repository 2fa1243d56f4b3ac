import { requestLine as lineOf, type RequestLine } from '../core/engine.js';
import type { IncomingHeaders } from '../correlation/correlator.js';

const noHeaders: IncomingHeaders = {};

/**
 * A web `Headers` as the correlator reads headers: by lower-case name. Only the names the policy asks
 * for are looked up, at the moment it asks.
 */
export function headerReader(headers: Headers): IncomingHeaders {
  return new Proxy(noHeaders, {
    // The correlator reads string names only.
    get: (_target, name) => headers.get(name as string) ?? undefined,
  });
}

/**
 * The method, and the path as the client sent it, without its query: a Request's URL is absolute, and
 * its path starts at the first `/` after the scheme's `//` (there is always one: `http://host` is `http://host/`).
 */
export function requestLine(request: Request): RequestLine {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return lineOf(request.method, url.slice(start));
}
