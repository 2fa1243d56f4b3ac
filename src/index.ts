export * from './errors/index.js';
export { toEnvelope, isErrorEnvelope, type ErrorEnvelope, type EnvelopeContext } from './envelope.js';
export { isValidCorrelationId } from './correlation.js';
export type { CodatErrorsOptions, ErrorLogger } from './options.js';
export { codatErrors, type KoaContext, type KoaMiddleware } from './koa.js';
export { envelopeSchema } from './schema.js';
export { openApiComponents, type OpenApiComponents, type OpenApiOptions } from './openapi.js';
