import { CodatError } from './codat-error.js';
import { DownstreamError } from './downstream-error.js';
import { LimitExceeded } from './limit-exceeded.js';
import {
  BadRequest,
  Conflict,
  DatatypeNotSupported,
  Forbidden,
  MethodNotAllowed,
  NotFound,
  TooManyRequests,
  Unauthorized,
} from './request-errors.js';
import { InternalServerError, ServiceUnavailable } from './server-errors.js';

/**
 * Every class of the catalog, in the order of the README's table. They are named for their status,
 * not for an exception: their name never prefixes `error`, while a subclass of theirs is named for
 * itself (or for its own static `exception`).
 */
export const catalog = [
  CodatError,
  BadRequest,
  Unauthorized,
  LimitExceeded,
  Forbidden,
  NotFound,
  DatatypeNotSupported,
  MethodNotAllowed,
  Conflict,
  TooManyRequests,
  InternalServerError,
  DownstreamError,
  ServiceUnavailable,
] as const;

for (const errorClass of catalog) Object.defineProperty(errorClass, 'exception', { value: undefined });
