// What the envelope is: its types, its keys in the order they are sent, and its defaults. Every other
// description of the envelope (the JSON Schema, the shape check, the bytes, the checker) reads these.

/** One entry of `validation.errors` or `validation.warnings`. */
export interface ValidationItem {
  itemId?: string;
  message: string;
  validatorName?: string;
}

/** The `validation` member of the envelope: both arrays are always present. */
export interface Validation {
  errors: ValidationItem[];
  warnings: ValidationItem[];
}

/** The body of every error response, keys in this order. */
export interface ErrorEnvelope {
  statusCode: number;
  service: string;
  error: string;
  correlationId: string;
  validation?: Validation;
  /**
   * Codat's `canBeRetried`, such as `"Unknown"`, `"Yes"` or `"No"`: sent together with `detailedErrorCode`,
   * when the middleware's `codatFields` is on or the error sets either.
   */
  canBeRetried?: string;
  /** Codat's `detailedErrorCode`, a machine-readable code (a safe integer): sent together with `canBeRetried`. */
  detailedErrorCode?: number;
}

/** The envelope's keys in the order they are sent; all but the optional ones are always there. */
export const envelopeKeys = [
  'statusCode',
  'service',
  'error',
  'correlationId',
  'validation',
  'canBeRetried',
  'detailedErrorCode',
] as const satisfies ReadonlyArray<keyof ErrorEnvelope>;
export const optionalEnvelopeKeys: ReadonlySet<string> = new Set<keyof ErrorEnvelope>([
  'validation',
  'canBeRetried',
  'detailedErrorCode',
]);
export const requiredEnvelopeKeys = envelopeKeys.filter((key) => !optionalEnvelopeKeys.has(key));

export const validationKeys = ['errors', 'warnings'] as const satisfies ReadonlyArray<keyof Validation>;
/** An item's keys in the order they are sent; only `message` is always there. */
export const itemKeys = ['itemId', 'message', 'validatorName'] as const satisfies ReadonlyArray<keyof ValidationItem>;

/** The service named in envelopes when neither the options nor the error name one. */
export const defaultService = 'PublicApi';

/** Codat's own values when an envelope carries its fields and the error sets none: what its examples send. */
export const defaultCanBeRetried = 'Unknown';
export const defaultDetailedErrorCode = 0;
