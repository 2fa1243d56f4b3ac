// codat-errors/fastify: the Fastify plugin, genReqId(), validate(), and the framework-free API.
export * from '../../surface.js';
export { codatErrors, type FastifyCodatErrors } from './plugin.js';
export { genReqId, type GenReqIdOptions } from './gen-req-id.js';
export { validate, type FastifyValidateHook, type FastifyValidateRequest } from './validate.js';
