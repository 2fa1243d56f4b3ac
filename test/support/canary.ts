// A secret that the test suite plants wherever a thrown value may hide one (message, stack, cause,
// config.headers.Authorization, extra properties): no response of any test may carry it.
import type { ServerResponse } from 'node:http';

export const canary = 'CANARY-db-password-7f3a91';

/** Canary sightings in any response written by a server of the suite (see serve()). */
export const canaryHits: string[] = [];

function check(where: string, value: unknown): void {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value instanceof Uint8Array) text = Buffer.from(value).toString('latin1');
  else if (Array.isArray(value)) text = value.join('\n');
  else return;
  if (text.includes(canary)) canaryHits.push(where);
}

/** Watches every header and body byte a response writes for the canary. */
export function watchForCanary(res: ServerResponse): void {
  const { write, end } = res;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    check('body', chunk);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'function') check('body', chunk);
    for (const [name, value] of Object.entries(res.getHeaders())) check(`header ${name}`, value);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse['end'];
}
