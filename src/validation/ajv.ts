import type { ValidationItem } from '../contract/envelope.js';
import { item, prefixed, type ItemOptions } from './issues.js';

/** The fields of an Ajv `ErrorObject` that become an item. */
export interface AjvError {
  keyword: string;
  /** JSON Pointer to the value that failed, such as `/addresses/0/city`. */
  instancePath: string;
  message?: string | undefined;
  params?: Record<string, unknown> | undefined;
}

export interface AjvItemOptions extends ItemOptions {
  /** `validatorName` of every item. Default: the error's keyword, such as `required` or `minLength`. */
  validatorName?: string | undefined;
}

// Ajv reports these errors on the parent object and names the property in params.
const propertyParams = ['missingProperty', 'additionalProperty', 'unevaluatedProperty', 'propertyName'];

function pointerPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function namedProperty(params: Record<string, unknown> | undefined): string[] {
  for (const name of propertyParams) {
    const value = params?.[name];
    if (typeof value === 'string') return [value];
  }
  return [];
}

/**
 * Ajv's `validate.errors` as envelope items: the JSON Pointer `instancePath` becomes the same dotted
 * path as Standard Schema issues (`/addresses/0/city` → `addresses.0.city`), and a missing or extra
 * property is named in it (`required` on `name` → `name`). `null` (no errors) gives no items.
 *
 * @example
 * if (!validate(input)) itemsFromAjv(validate.errors);
 * // [{ itemId: 'name', message: "must have required property 'name'", validatorName: 'required' }]
 */
export function itemsFromAjv(
  errors: readonly AjvError[] | null | undefined,
  { validatorName, pathPrefix }: AjvItemOptions = {},
): ValidationItem[] {
  return (errors ?? []).map((error) =>
    item(
      prefixed(pathPrefix, [...pointerPath(error.instancePath), ...namedProperty(error.params)]),
      error.message ?? `must pass "${error.keyword}" keyword validation`,
      validatorName ?? error.keyword,
    ),
  );
}
