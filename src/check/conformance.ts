import { randomUUID } from 'node:crypto';
import { describe } from '../contract/describe.js';
import { envelopeKeys, requiredEnvelopeKeys } from '../contract/envelope.js';
import { envelopeProblems } from '../contract/shape.js';
import { send, sendHead, type Exchange } from './transport.js';

/** The three ways the endpoint is asked. */
export type Probe = 'valid id' | 'invalid id' | 'HEAD';

/** Each rule of the contract the checker tests, by a stable name (the `check` of `--json`). */
export const checkTitles = {
  response: 'the server answers',
  status: 'status equals statusCode',
  'content-type': 'JSON content type',
  keys: "keys are the contract's, in its order",
  schema: 'body matches the JSON Schema',
  'id-echoed-body': 'valid incoming id echoed in the body',
  'id-echoed-header': 'valid incoming id echoed in the header',
  'id-replaced-body': 'invalid incoming id replaced in the body',
  'id-replaced-header': "invalid incoming id replaced in the header, by the body's id",
  'head-status': 'HEAD has the same status',
  'head-no-body': 'HEAD has no body',
} as const;

export type CheckName = keyof typeof checkTitles;

export interface CheckResult {
  probe: Probe;
  check: CheckName;
  ok: boolean;
  /** What was seen, to fix a breach without a second run. */
  detail: string;
}

export interface ConformanceReport {
  method: string;
  url: string;
  ok: boolean;
  results: CheckResult[];
}

export interface CheckTarget {
  url: URL;
  method: string;
  headers: Record<string, string>;
  correlationHeader: string;
}

/** Has a space and a `!`, so no server may accept it as an id. */
export const invalidId = 'not a valid id!';

/**
 * Asks `target` three ways (with a valid correlation id, with an invalid one, and as HEAD when the
 * method is GET) and checks every answer against the contract.
 */
export async function checkConformance(target: CheckTarget): Promise<ConformanceReport> {
  const validId = `check-${randomUUID()}`;
  const results: CheckResult[] = [];
  const headersWith = (id: string) => ({ ...target.headers, [target.correlationHeader]: id });
  const record = (probe: Probe, check: CheckName, ok: boolean, detail: string) =>
    results.push({ probe, check, ok, detail });

  const valid = await attempt('valid id', () => send(target.url, target.method, headersWith(validId)), record);
  if (valid) {
    const body = envelopeChecks('valid id', valid, record);
    record(
      'valid id',
      'id-echoed-body',
      body?.correlationId === validId,
      `sent ${describe(validId)}, body has ${describe(body?.correlationId)}`,
    );
    const header = valid.headers.get(target.correlationHeader);
    record(
      'valid id',
      'id-echoed-header',
      header === validId,
      `sent ${describe(validId)}, header has ${describe(header)}`,
    );
  }

  const invalid = await attempt('invalid id', () => send(target.url, target.method, headersWith(invalidId)), record);
  if (invalid) {
    const body = envelopeChecks('invalid id', invalid, record);
    const id = body?.correlationId;
    record(
      'invalid id',
      'id-replaced-body',
      typeof id === 'string' && id !== '' && id !== invalidId,
      `sent ${describe(invalidId)}, body has ${describe(id)}`,
    );
    const header = invalid.headers.get(target.correlationHeader);
    record(
      'invalid id',
      'id-replaced-header',
      header !== invalidId && header === id,
      `sent ${describe(invalidId)}, header has ${describe(header)}`,
    );
  }

  if (target.method === 'GET') {
    const head = await attempt('HEAD', () => sendHead(target.url, headersWith(validId)), record);
    if (head) {
      if (valid)
        record('HEAD', 'head-status', head.status === valid.status, `GET ${valid.status}, HEAD ${head.status}`);
      record('HEAD', 'head-no-body', head.body.length === 0, `${head.body.length} bytes after the headers`);
    }
  }

  return { method: target.method, url: target.url.href, ok: results.every((result) => result.ok), results };
}

type Recorder = (probe: Probe, check: CheckName, ok: boolean, detail: string) => void;

async function attempt(
  probe: Probe,
  request: () => Promise<Exchange>,
  record: Recorder,
): Promise<Exchange | undefined> {
  try {
    return await request();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    record(probe, 'response', false, `request failed: ${cause ?? (error as Error).message}`);
    return undefined;
  }
}

/** The checks every error response must pass; returns the body when it is a JSON object. */
function envelopeChecks(probe: Probe, exchange: Exchange, record: Recorder): Record<string, unknown> | undefined {
  const body = parseObject(exchange.body);
  const statusCode = body?.statusCode;
  record(
    probe,
    'status',
    exchange.status === statusCode,
    `status ${exchange.status}, statusCode ${body ? describe(statusCode) : 'absent: the body is not a JSON object'}`,
  );
  const contentType = exchange.headers.get('content-type');
  record(
    probe,
    'content-type',
    /^application\/json\s*(;|$)/i.test(contentType ?? ''),
    `content-type ${describe(contentType)}`,
  );
  if (!body) {
    record(probe, 'keys', false, 'the body is not a JSON object');
    record(probe, 'schema', false, 'the body is not a JSON object');
    return undefined;
  }
  const keys = Object.keys(body);
  const expected = envelopeKeys.filter(
    (key) => keys.includes(key) || (requiredEnvelopeKeys as readonly string[]).includes(key),
  );
  record(
    probe,
    'keys',
    keys.join() === expected.join(),
    `keys ${keys.join(', ')}${keys.join() === expected.join() ? '' : `; expected ${expected.join(', ')}`}`,
  );
  const problems = envelopeProblems(body);
  record(probe, 'schema', problems.length === 0, problems.length === 0 ? 'valid' : problems.join('; '));
  return body;
}

function parseObject(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
