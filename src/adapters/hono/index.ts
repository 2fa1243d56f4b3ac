// codat-errors/hono: the Hono middleware, validate(), the hook of @hono/standard-validator, and the
// framework-free API.
export * from '../../surface.js';
export { codatErrors } from './middleware.js';
export { validate, validationHook, type ValidationResult } from './validate.js';
