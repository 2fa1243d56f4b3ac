export type HeaderValue = string | readonly string[];
export type HeaderList = ReadonlyArray<readonly [name: string, value: HeaderValue]>;

const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** True for a valid header name (an HTTP token). */
export function isHeaderName(value: unknown): value is string {
  return typeof value === 'string' && token.test(value);
}
const unsafeValueCharacter = /[^\t\x20-\x7e\x80-\xff]/;

function safeValue(value: unknown): HeaderValue | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'string') return unsafeValueCharacter.test(value) ? undefined : value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && !unsafeValueCharacter.test(v)))
    return value as string[];
  return undefined;
}

/**
 * The headers an error asks for that can be sent as they are: names lower-cased and limited to
 * `allowed` when given; a value Node would refuse (CR, LF, characters above 0xFF) is dropped, so
 * that a header can never turn an error response into a crash.
 */
export function safeHeaders(source: unknown, allowed?: ReadonlySet<string>): HeaderList {
  const headers: Array<readonly [string, HeaderValue]> = [];
  try {
    if (typeof source !== 'object' || source === null) return headers;
    for (const [rawName, rawValue] of Object.entries(source)) {
      const name = rawName.toLowerCase();
      if (allowed ? !allowed.has(name) : !isHeaderName(name)) continue;
      const value = safeValue(rawValue);
      if (value !== undefined) headers.push([name, value]);
    }
  } catch {
    // A hostile headers object (a Proxy whose traps throw) contributes nothing.
  }
  return headers;
}

/**
 * Headers that describe a body which the error response replaces (`content-type` and
 * `content-length` are set anew). A fixed list, as finalhandler has: `Content-Security-Policy` is a
 * `Content-*` header that protects the error response too.
 */
export const staleHeaders: readonly string[] = [
  'content-digest',
  'content-disposition',
  'content-encoding',
  'content-language',
  'content-location',
  'content-md5',
  'content-range',
  'etag',
  'last-modified',
];
