// codat-errors/express: the Express adapter, its validate(), and the framework-free API.
export * from '../../surface.js';
export {
  codatErrors,
  type ExpressErrorHandler,
  type ExpressErrors,
  type ExpressMiddleware,
  type ExpressNext,
  type ExpressRequest,
  type ExpressResponse,
} from './middleware.js';
export { validate, type ExpressValidateMiddleware, type ExpressValidateRequest } from './validate.js';
