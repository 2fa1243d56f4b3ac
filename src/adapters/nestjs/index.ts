// codat-errors/nestjs: the NestJS module, ValidationPipe's exceptionFactory, validate(), and the
// framework-free API.
export * from '../../surface.js';
export { CodatErrorsModule, type CorrelatedRequest } from './module.js';
export { validationExceptionFactory, type ValidationExceptionOptions } from './validation-exception.js';
export { validate, type NestValidateRequest } from './validate.js';
