/** An id the package generated (nanoid): 21 URL-safe characters. */
export const idPattern = /^[A-Za-z0-9_-]{21}$/;
