import type { ValidationItem } from '../contract/envelope.js';
import type { StandardSchemaV1 } from './standard-schema.js';

export interface ItemOptions {
  /** `validatorName` of every item, such as the schema's or the operation's name. */
  validatorName?: string | undefined;
  /** Put before every path, such as `body`: `name` becomes `body.name`. */
  pathPrefix?: string | undefined;
}

/** The item, keys in contract order, leaving out what is unknown. */
export function item(path: readonly string[], message: string, validatorName: string | undefined): ValidationItem {
  const itemId = path.join('.');
  return {
    ...(itemId !== '' && { itemId }),
    message,
    ...(validatorName !== undefined && { validatorName }),
  };
}

export function prefixed(pathPrefix: string | undefined, path: readonly string[]): readonly string[] {
  return pathPrefix === undefined ? path : [pathPrefix, ...path];
}

function keyText(segment: PropertyKey | StandardSchemaV1.PathSegment): string {
  const key = typeof segment === 'object' ? segment.key : segment;
  return typeof key === 'symbol' ? (key.description ?? '') : String(key);
}

/**
 * Standard Schema issues (zod, valibot, arktype) as envelope items: `itemId` is the issue's path
 * joined with `.`, array indexes included, and left out for an empty path.
 *
 * @example
 * const result = await schema['~standard'].validate(input);
 * if (result.issues) itemsFromIssues(result.issues, { validatorName: 'CreateCompany' });
 * // [{ itemId: 'addresses.0.city', message: 'Required', validatorName: 'CreateCompany' }]
 */
export function itemsFromIssues(
  issues: readonly StandardSchemaV1.Issue[],
  { validatorName, pathPrefix }: ItemOptions = {},
): ValidationItem[] {
  return issues.map((issue) =>
    item(prefixed(pathPrefix, (issue.path ?? []).map(keyText)), issue.message, validatorName),
  );
}
