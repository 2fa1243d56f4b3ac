/** Caps on what a thrown value can put in a response, so that no error makes a response of megabytes. */
export interface Limits {
  /** Characters of the envelope's `error`. */
  errorLength: number;
  /** Characters of each `itemId`, `message` and `validatorName` of a validation item. */
  fieldLength: number;
  /** Items in `validation.errors`, and again in `validation.warnings`. */
  items: number;
}

export const defaultLimits: Readonly<Limits> = Object.freeze({ errorLength: 1024, fieldLength: 1024, items: 100 });

export function isLimits(value: unknown): value is Partial<Limits> {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).every(
    ([key, limit]) => key in defaultLimits && (limit === undefined || (Number.isInteger(limit) && limit > 0)),
  );
}

export function resolveLimits(limits: Partial<Limits> = {}): Limits {
  return {
    errorLength: limits.errorLength ?? defaultLimits.errorLength,
    fieldLength: limits.fieldLength ?? defaultLimits.fieldLength,
    items: limits.items ?? defaultLimits.items,
  };
}
