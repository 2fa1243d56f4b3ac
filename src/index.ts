export * from './errors/index.js';
export { toEnvelope, isErrorEnvelope, type ErrorEnvelope, type EnvelopeContext } from './envelope.js';
export { isValidCorrelationId } from './correlation.js';
export type { CodatErrorsOptions, ErrorLogger } from './options.js';
export type { ErrorReport, ErrorHook } from './report.js';
export { getCorrelationId, runWithCorrelationId } from './context.js';
export { withCorrelation, correlatedFetch, correlationInterceptor } from './outgoing.js';
export { correlationMixin } from './pino.js';
export { codatErrors, type KoaContext, type KoaMiddleware } from './koa.js';
