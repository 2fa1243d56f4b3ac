import { nanoid } from 'nanoid';

export const maxCorrelationIdLength = 128;
const correlationIdCharacters = /^[A-Za-z0-9_.:-]+$/;

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
    value.length <= maxCorrelationIdLength &&
    correlationIdCharacters.test(value)
  );
}

export interface CorrelationPolicy {
  trustIncomingId: boolean;
  generateId: () => string;
}

/**
 * Returns the function that picks a request's id from its incoming header value: that value when
 * trusted and valid, else a generated one. A generator that throws or returns an invalid id is
 * replaced by nanoid for that request, so an id is always there.
 */
export function createCorrelator({ trustIncomingId, generateId }: CorrelationPolicy): (incoming: unknown) => string {
  const generate =
    generateId === nanoid
      ? nanoid
      : (): string => {
          try {
            const id = generateId();
            if (isValidCorrelationId(id)) return id;
          } catch {
            // Fall through to an id that is known to be good.
          }
          return nanoid();
        };
  return (incoming) => (trustIncomingId && isValidCorrelationId(incoming) ? incoming : generate());
}
