// The framework-free public API: every Node entry point (the root, codat-errors/koa,
// codat-errors/express) exports these names, and only these, beside its adapter's.
export type { ErrorEnvelope, Validation, ValidationItem } from './contract/envelope.js';
export { isValidCorrelationId } from './contract/correlation-id.js';
export { isErrorEnvelope } from './contract/shape.js';
export { envelopeSchema } from './contract/schema.js';
export {
  BadRequest,
  CodatError,
  Conflict,
  DatatypeNotSupported,
  DownstreamError,
  Forbidden,
  InternalServerError,
  LimitExceeded,
  MethodNotAllowed,
  NotFound,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UnavailableForLegalReasons,
  UnprocessableContent,
  isCodatError,
  type CodatErrorInit,
  type CodatErrorOptions,
  type DownstreamErrorOptions,
  type ErrorHeaders,
  type FromIssuesOptions,
  type LimitOptions,
  type ReceivedError,
  type ServiceUnavailableOptions,
} from './errors/index.js';
export { itemsFromIssues, type ItemOptions } from './validation/issues.js';
export { itemsFromAjv, type AjvError, type AjvItemOptions } from './validation/ajv.js';
export type { StandardSchemaV1 } from './validation/standard-schema.js';
export { toEnvelope, type EnvelopeContext } from './core/envelope.js';
export type { Limits } from './core/limits.js';
export type { CodatErrorsOptions } from './core/options.js';
export type { ErrorHook, ErrorLogger, ErrorReport } from './core/report.js';
export {
  createRequestCheck,
  type AjvValidateFunction,
  type PartValidator,
  type RequestPart,
  type RequestSchemas,
  type RequestValues,
  type ValidateOptions,
} from './core/request-check.js';
export { getCorrelationId, runWithCorrelationId } from './correlation/context.js';
export { correlatedFetch, correlationInterceptor, withCorrelation } from './correlation/outgoing.js';
export { correlationMixin } from './correlation/pino.js';
export { openApiComponents, type OpenApiComponents, type OpenApiOptions } from './openapi/components.js';
