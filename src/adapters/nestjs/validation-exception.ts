import type { ValidationError } from '@nestjs/common';
import type { ValidationItem } from '../../contract/envelope.js';
import { BadRequest } from '../../errors/index.js';

export interface ValidationExceptionOptions {
  /** Each item's `validatorName`; by default, the name of the constraint that failed (`isEmail`). */
  validatorName?: string;
}

/**
 * An `exceptionFactory` for Nest's ValidationPipe: class-validator's errors become one 400 BadRequest
 * with one validation item per failed constraint, `itemId` the property's path (`address.city`,
 * `lines.1.amount`) and `message` the constraint's text.
 *
 * @example
 * app.useGlobalPipes(new ValidationPipe({ exceptionFactory: validationExceptionFactory({ validatorName: 'CreateCompany' }) }));
 */
export function validationExceptionFactory(
  options: ValidationExceptionOptions = {},
): (errors: readonly ValidationError[]) => BadRequest {
  const validatorName = typeof options?.validatorName === 'string' ? options.validatorName : undefined;
  return (errors) => new BadRequest(undefined, { validation: { errors: itemsOf(errors, validatorName, '', []) } });
}

function itemsOf(
  errors: readonly ValidationError[],
  validatorName: string | undefined,
  parent: string,
  items: ValidationItem[],
): ValidationItem[] {
  for (const error of errors) {
    const property = error.property === undefined || error.property === '' ? '' : String(error.property);
    const path = parent === '' ? property : property === '' ? parent : `${parent}.${property}`;
    for (const [name, message] of Object.entries(error.constraints ?? {})) {
      items.push({ ...(path !== '' && { itemId: path }), message, validatorName: validatorName ?? name });
    }
    if (error.children) itemsOf(error.children, validatorName, path, items);
  }
  return items;
}
