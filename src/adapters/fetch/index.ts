// codat-errors/fetch: withCodatErrors() for any web-standard fetch handler (Workers, Bun, Deno, Next.js),
// and the framework-free API. Its getCorrelationId also takes the request.
export * from '../../surface.js';
export { getCorrelationId, withCodatErrors, type FetchHandler } from './handler.js';
