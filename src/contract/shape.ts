// The envelope's shape checked key by key, the rules of its JSON Schema; the client bundle for
// browsers loads this file.
import { describe } from './describe.js';
import { envelopeKeys, itemKeys, requiredEnvelopeKeys, validationKeys, type ErrorEnvelope } from './envelope.js';
import { isErrorStatus } from './status.js';

/**
 * Every way in which `value` departs from the envelope's shape (the rules of the JSON Schema),
 * each as a short sentence naming the path; empty when `value` is an envelope.
 *
 * @example
 * envelopeProblems({ statusCode: 200, service: 'PublicApi', error: 'x', correlationId: 'a' });
 * // ['statusCode must be an integer from 400 to 599, got 200']
 */
export function envelopeProblems(value: unknown): string[] {
  const problems: string[] = [];
  const envelope = objectAt(value, 'the envelope', problems);
  if (!envelope) return problems;
  unknownKeys(envelope, envelopeKeys, '', problems);
  if (!isErrorStatus(envelope.statusCode)) {
    problems.push(`statusCode must be an integer from 400 to 599, got ${describe(envelope.statusCode)}`);
  }
  for (const key of requiredEnvelopeKeys) if (key !== 'statusCode') stringAt(envelope, key, '', true, problems);
  stringAt(envelope, 'canBeRetried', '', false, problems);
  const code = envelope.detailedErrorCode;
  // Codat's SDK reads it with z.number().int(); a code past 2^53 would not survive a round trip either.
  if (code !== undefined && !Number.isSafeInteger(code)) {
    problems.push(`detailedErrorCode must be a safe integer, got ${describe(code)}`);
  }
  if (envelope.validation !== undefined) {
    const validation = objectAt(envelope.validation, 'validation', problems);
    if (validation) {
      unknownKeys(validation, validationKeys, 'validation.', problems);
      for (const list of validationKeys) itemsAt(validation[list], `validation.${list}`, problems);
    }
  }
  return problems;
}

/**
 * True when `value` has exactly the envelope's shape (as parsed from a response body, say).
 *
 * @example
 * const body: unknown = await response.json();
 * if (isErrorEnvelope(body)) console.error(body.correlationId);
 */
export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  return envelopeProblems(value).length === 0;
}

function itemsAt(value: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(value)) {
    problems.push(`${path} must be an array, got ${describe(value)}`);
    return;
  }
  value.forEach((entry: unknown, index) => {
    const itemPath = `${path}[${index}]`;
    const item = objectAt(entry, itemPath, problems);
    if (!item) return;
    unknownKeys(item, itemKeys, `${itemPath}.`, problems);
    stringAt(item, 'message', `${itemPath}.`, true, problems);
    stringAt(item, 'itemId', `${itemPath}.`, false, problems);
    stringAt(item, 'validatorName', `${itemPath}.`, false, problems);
  });
}

function objectAt(value: unknown, path: string, problems: string[]): Record<string, unknown> | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  problems.push(`${path} must be an object, got ${describe(value)}`);
  return undefined;
}

function stringAt(
  object: Record<string, unknown>,
  key: string,
  prefix: string,
  required: boolean,
  problems: string[],
): void {
  const value = object[key];
  if (value === undefined ? required : typeof value !== 'string') {
    problems.push(`${prefix}${key} must be a string, got ${describe(value)}`);
  }
}

function unknownKeys(
  object: Record<string, unknown>,
  known: readonly string[],
  prefix: string,
  problems: string[],
): void {
  for (const key of Object.keys(object)) if (!known.includes(key)) problems.push(`${prefix}${key} is not allowed`);
}
