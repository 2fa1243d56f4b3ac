export * from './codat-error.js';
export * from './request-errors.js';
export * from './limit-exceeded.js';
export * from './server-errors.js';
export * from './downstream-error.js';
