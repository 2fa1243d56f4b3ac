import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import {
  createRequestCheck,
  replaceQuery,
  type RequestSchemas,
  type ValidateOptions,
} from '../../core/request-check.js';

/** The parts of a Nest request (Express's or Fastify's) that `validate` reads and replaces. */
export interface NestValidateRequest {
  body?: unknown;
  query?: unknown;
  params?: unknown;
}

/**
 * A Nest interceptor that checks the request's body, query and params with Standard Schema validators
 * (zod, valibot, arktype) or Ajv validate functions, for routes not checked by a ValidationPipe. Every
 * issue of every part is one 400 `BadRequest`; on success the parsed values replace the request's
 * body, query and params, which `@Body()`, `@Query()` and `@Param()` then give.
 *
 * @example
 * UseInterceptors(validate({ body: CreateCompany }))(CompaniesController.prototype, 'create', descriptor);
 */
export function validate(schemas: RequestSchemas, options?: ValidateOptions): NestInterceptor {
  const check = createRequestCheck(schemas, options);
  return {
    async intercept(context: ExecutionContext, next: CallHandler) {
      const request = context.switchToHttp().getRequest<NestValidateRequest>();
      const values = await check({ body: request.body, query: request.query, params: request.params });
      if ('body' in values) request.body = values.body;
      if ('query' in values) replaceQuery(request, values.query);
      if ('params' in values) request.params = values.params;
      return next.handle();
    },
  };
}
