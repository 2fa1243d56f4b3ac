// The package root is the Koa entry, as `app.use(codatErrors())` promises.
export * from './adapters/koa/index.js';
