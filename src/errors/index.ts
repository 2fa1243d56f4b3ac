// What handlers throw: the catalog.
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
  UnavailableForLegalReasons,
  UnprocessableContent,
  type FromIssuesOptions,
} from './request-errors.js';
export { InternalServerError, ServiceUnavailable, type ServiceUnavailableOptions } from './server-errors.js';
