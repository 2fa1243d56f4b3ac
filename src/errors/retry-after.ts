/** The `Retry-After` value for a delay in whole seconds. */
export function retryAfterSeconds(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new TypeError(`codat-errors: retryAfter must be a whole number of seconds, got ${String(seconds)}`);
  }
  return String(seconds);
}
