import { currentCorrelation } from './context.js';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Wraps a `fetch` so that every call made during a request carries the request's correlation id,
 * in the middleware's correlation header (the first of a list, whichever header the id came in). A
 * header the caller sets itself is left alone; outside a request the call goes out unchanged.
 *
 * @example
 * const fetch = withCorrelation(globalThis.fetch);
 * await fetch('http://billing.internal/invoices'); // sends x-correlation-id: <the request's id>
 */
export function withCorrelation<F extends Fetch>(fetchFn: F): F {
  const correlated = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const scope = currentCorrelation();
    if (!scope) return fetchFn(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (headers.has(scope.header)) return fetchFn(input, init);
    headers.set(scope.header, scope.correlationId);
    return fetchFn(input, { ...init, headers });
  };
  return correlated as F;
}

/**
 * The global `fetch`, looked up at each call, carrying the current request's correlation id.
 *
 * @example
 * const response = await correlatedFetch(`${billingUrl}/invoices/${id}`);
 */
export const correlatedFetch: Fetch = withCorrelation((input, init) => globalThis.fetch(input, init));

/** The headers of an undici dispatch: an object, a flat `[name, value, …]` list, or pairs. */
type DispatchHeaders =
  | Record<string, string | string[] | undefined>
  | string[]
  | Iterable<[string, string | string[] | undefined]>
  | null;

interface DispatchOptions {
  headers?: DispatchHeaders;
}

type Dispatch<O extends DispatchOptions, H> = (options: O, handler: H) => boolean;

/**
 * An undici interceptor: a dispatcher composed with it adds the current request's correlation id
 * to every outgoing request that does not set the header itself. Set it globally to cover the
 * global `fetch` and every undici client.
 *
 * @example
 * import { Agent, setGlobalDispatcher } from 'undici';
 * setGlobalDispatcher(new Agent().compose(correlationInterceptor()));
 */
export function correlationInterceptor() {
  return <O extends DispatchOptions, H>(dispatch: Dispatch<O, H>): Dispatch<O, H> =>
    (options, handler) => {
      const scope = currentCorrelation();
      if (!scope) return dispatch(options, handler);
      const headers = withHeader(options.headers, scope.header, scope.correlationId);
      return dispatch(headers ? { ...options, headers } : options, handler);
    };
}

/** The headers with `name: value` added, or `undefined` when they already have `name`. */
function withHeader(headers: DispatchHeaders | undefined, header: string, value: string): DispatchHeaders | undefined {
  const name = header.toLowerCase();
  if (headers == null) return { [name]: value };
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) if (headers[i]?.toLowerCase() === name) return undefined;
    return [...headers, name, value];
  }
  const entries: Array<[string, string | string[] | undefined]> =
    Symbol.iterator in headers
      ? [...(headers as Iterable<[string, string | string[] | undefined]>)]
      : Object.entries(headers);
  if (entries.some(([key]) => key.toLowerCase() === name)) return undefined;
  return Object.fromEntries([...entries, [name, value]]);
}
