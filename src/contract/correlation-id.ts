/** The request and response header that carries the correlation id unless the options name another. */
export const defaultCorrelationHeader = 'x-correlation-id';

export const correlationIdMaxLength = 128;
/** The characters of an id that may be reused: `A-Z a-z 0-9 - _ . :`. */
export const correlationIdPattern = '^[A-Za-z0-9_.:-]+$';
const correlationIdCharacters = new RegExp(correlationIdPattern);

/**
 * An id is reused only when it is 1 to 128 characters of `A-Z a-z 0-9 - _ . :`. The length is
 * checked first, so a long header costs nothing; the pattern cannot backtrack.
 *
 * @example
 * isValidCorrelationId('V1StGXR8_Z5jdHi6B-myT'); // true
 * isValidCorrelationId('a b'); // false
 */
export function isValidCorrelationId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= correlationIdMaxLength &&
    correlationIdCharacters.test(value)
  );
}
