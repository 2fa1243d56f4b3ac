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

/** ES2024's well-formedness methods: in every runtime the package supports (Node 20.19+), not in its es2023 lib. */
interface WellFormed {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/**
 * `text` cut to `max` UTF-16 code units at a code point boundary, never inside a surrogate pair, and
 * made well formed (a lone surrogate becomes U+FFFD), so that every string of an envelope is valid
 * Unicode whatever was thrown.
 */
export function capText(text: string, max: number): string {
  let head = text;
  if (text.length > max) {
    const last = text.charCodeAt(max - 1);
    head = text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
  }
  const checked = head as unknown as WellFormed;
  return checked.isWellFormed() ? head : checked.toWellFormed();
}
