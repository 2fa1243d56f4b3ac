/** The exact bytes the envelope must have: keys in contract order, the correlation id in its place. */
export function envelopeText(body: Record<string, unknown>, correlationId: string): string {
  const { statusCode, service, error, validation } = body;
  return JSON.stringify({ statusCode, service, error, correlationId, validation });
}
