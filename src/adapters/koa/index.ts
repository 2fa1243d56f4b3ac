// codat-errors/koa (and the package root): the Koa middleware, its validate(), and the framework-free API.
export * from '../../surface.js';
export { codatErrors, type KoaContext, type KoaMiddleware } from './middleware.js';
export { validate, type KoaValidateContext, type KoaValidateMiddleware } from './validate.js';
