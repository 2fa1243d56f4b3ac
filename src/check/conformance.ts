import { randomUUID } from 'node:crypto';
import { describe } from '../contract/describe.js';
import { envelopeKeys, requiredEnvelopeKeys } from '../contract/envelope.js';
import { envelopeProblems } from '../contract/shape.js';
import { isErrorStatus } from '../contract/status.js';
import { defaultTimeoutMs, send, sendHead, type Exchange } from './transport.js';

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
  /** False when a probe got no answer (refused, reset, not in time): the checks stop there. */
  reached: boolean;
  results: CheckResult[];
}

export interface CheckTarget {
  url: URL;
  method: string;
  headers: Record<string, string>;
  correlationHeader: string;
  /** Milliseconds each probe waits for its whole answer; default 10 seconds. */
  timeoutMs?: number | undefined;
}

/** Has a space and a `!`, so no server may accept it as an id. */
export const invalidId = 'not a valid id!';

/**
 * Asks `target` three ways (with a valid correlation id, with an invalid one, and as HEAD when the
 * method is GET) and checks every answer against the contract. A probe that gets no answer ends the
 * check: the report says the server was not reached.
 */
export async function checkConformance({
  timeoutMs = defaultTimeoutMs,
  ...target
}: CheckTarget): Promise<ConformanceReport> {
  const validId = `check-${randomUUID()}`;
  const results: CheckResult[] = [];
  const headersWith = (id: string) => ({ ...target.headers, [target.correlationHeader]: id });
  const record: Recorder = (probe, check, ok, detail) => results.push({ probe, check, ok, detail });
  const report = (reached: boolean): ConformanceReport => ({
    method: target.method,
    url: target.url.href,
    ok: reached && results.every((result) => result.ok),
    reached,
    results,
  });

  const valid = await attempt('valid id', timeoutMs, record, () =>
    send(target.url, target.method, headersWith(validId), timeoutMs),
  );
  if (!valid) return report(false);
  validIdChecks(valid, validId, target.correlationHeader, record);

  const invalid = await attempt('invalid id', timeoutMs, record, () =>
    send(target.url, target.method, headersWith(invalidId), timeoutMs),
  );
  if (!invalid) return report(false);
  invalidIdChecks(invalid, target.correlationHeader, record);

  if (target.method === 'GET') {
    const head = await attempt('HEAD', timeoutMs, record, () => sendHead(target.url, headersWith(validId), timeoutMs));
    if (!head) return report(false);
    record('HEAD', 'head-status', head.status === valid.status, `GET ${valid.status}, HEAD ${head.status}`);
    record('HEAD', 'head-no-body', head.body.length === 0, `${head.body.length} bytes after the headers`);
  }
  return report(true);
}

function validIdChecks(exchange: Exchange, validId: string, correlationHeader: string, record: Recorder): void {
  const body = envelopeChecks('valid id', exchange, record);
  record(
    'valid id',
    'id-echoed-body',
    body?.correlationId === validId,
    `sent ${describe(validId)}, body has ${describe(body?.correlationId)}`,
  );
  const header = exchange.headers.get(correlationHeader);
  record(
    'valid id',
    'id-echoed-header',
    header === validId,
    `sent ${describe(validId)}, header has ${describe(header)}`,
  );
}

function invalidIdChecks(exchange: Exchange, correlationHeader: string, record: Recorder): void {
  const body = envelopeChecks('invalid id', exchange, record);
  const id = body?.correlationId;
  const replaced = typeof id === 'string' && id !== '' && id !== invalidId;
  record('invalid id', 'id-replaced-body', replaced, `sent ${describe(invalidId)}, body has ${describe(id)}`);
  const header = exchange.headers.get(correlationHeader);
  // Both must hold the same new id: a header and a body that both lack one are no replacement.
  record(
    'invalid id',
    'id-replaced-header',
    replaced && header === id,
    `sent ${describe(invalidId)}, header has ${describe(header)}`,
  );
}

type Recorder = (probe: Probe, check: CheckName, ok: boolean, detail: string) => void;

async function attempt(
  probe: Probe,
  timeoutMs: number,
  record: Recorder,
  request: () => Promise<Exchange>,
): Promise<Exchange | undefined> {
  try {
    return await request();
  } catch (error) {
    record(probe, 'response', false, failure(error, timeoutMs));
    return undefined;
  }
}

/** Why a request got no answer: the system's code (ECONNREFUSED), the time waited, or what fetch says. */
function failure(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = error as { name?: unknown; message?: unknown; cause?: Record<string, unknown> };
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  return String([cause?.code, cause?.message, message].find((reason) => typeof reason === 'string'));
}

/** The checks every error response must pass; returns the body when it is a JSON object. */
function envelopeChecks(probe: Probe, exchange: Exchange, record: Recorder): Record<string, unknown> | undefined {
  const body = parseObject(exchange.body);
  const statusCode = body?.statusCode;
  const answered = `status ${exchange.status}, statusCode ${body ? describe(statusCode) : 'absent: the body is not a JSON object'}`;
  record(
    probe,
    'status',
    isErrorStatus(exchange.status) && exchange.status === statusCode,
    isErrorStatus(exchange.status)
      ? answered
      : `${answered}; ${exchange.status} is no error: check a URL that answers with one (4xx or 5xx), such as an unknown path`,
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
