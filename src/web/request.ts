import { requestLine as lineOf, type RequestLine } from '../core/engine.js';
import type { IncomingHeaders } from '../correlation/correlator.js';

/**
 * The headers a correlator reads (`engine.correlationReads`), copied from a web `Headers` into the
 * record it reads by lower-case name.
 */
export function headerRecord(headers: Headers, names: readonly string[]): IncomingHeaders {
  const record: Record<string, string | undefined> = {};
  for (let index = 0; index < names.length; index++) {
    const name = names[index]!;
    record[name] = headers.get(name) ?? undefined;
  }
  return record;
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
