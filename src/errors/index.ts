// What handlers throw. Everything outside this folder imports the catalog from here, which names the
// catalog's classes (catalog.ts) before any of them can be built.
export { catalog } from './catalog.js';
export {
  CodatError,
  isCodatError,
  type CodatErrorInit,
  type CodatErrorOptions,
  type ErrorHeaders,
} from './codat-error.js';
export { DownstreamError, type DownstreamErrorOptions, type ReceivedError } from './downstream-error.js';
export { LimitExceeded, type LimitOptions } from './limit-exceeded.js';
export {
  BadRequest,
  Conflict,
  DatatypeNotSupported,
  Forbidden,
  MethodNotAllowed,
  NotFound,
  TooManyRequests,
  Unauthorized,
  type FromIssuesOptions,
} from './request-errors.js';
export { InternalServerError, ServiceUnavailable, type ServiceUnavailableOptions } from './server-errors.js';
