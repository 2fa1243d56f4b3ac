// The framework-free public surface, shared by the Koa entry (`codat-errors`) and `codat-errors/express`.
export * from './errors/index.js';
export { toEnvelope, isErrorEnvelope, type ErrorEnvelope, type EnvelopeContext } from './envelope.js';
export { isValidCorrelationId } from './correlation.js';
export type { CodatErrorsOptions, ErrorLogger } from './options.js';
export type { Limits } from './limits.js';
export type { ErrorReport, ErrorHook } from './report.js';
export { getCorrelationId, runWithCorrelationId } from './context.js';
export { withCorrelation, correlatedFetch, correlationInterceptor } from './outgoing.js';
export { correlationMixin } from './pino.js';
export { itemsFromIssues, type ItemOptions } from './validation/issues.js';
export { itemsFromAjv, type AjvError, type AjvItemOptions } from './validation/ajv.js';
export type { StandardSchemaV1 } from './validation/standard-schema.js';
export {
  createRequestCheck, type AjvValidateFunction, type PartValidator, type RequestPart, type RequestSchemas, type RequestValues, type ValidateOptions,
} from './validation/request-check.js';
export { envelopeSchema } from './schema.js';
export { openApiComponents, type OpenApiComponents, type OpenApiOptions } from './openapi.js';
