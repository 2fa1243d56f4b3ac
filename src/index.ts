export * from './core.js';
export { codatErrors, type KoaContext, type KoaMiddleware } from './koa.js';
export { validate, type KoaValidateContext, type KoaValidateMiddleware } from './koa-validate.js';
