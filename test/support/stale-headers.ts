// What both adapters must do to the headers set before an error: the body's go, every other stays.
import assert from 'node:assert/strict';
import type { Reply } from './serve.ts';

/** The headers a handler sets before it throws (and the cookie `session=kept`), set by each test in its framework's way. */
export const staleHeaders = {
  'Content-Disposition': 'attachment; filename="report.csv"',
  'Content-Language': 'fr',
  ETag: '"abc"',
  'Last-Modified': new Date(0).toUTCString(),
};

/** Set upstream of the handler: CORS, Vary and a security policy, which the error response must keep. */
export const keptHeaders = {
  'Access-Control-Allow-Origin': 'https://app.example',
  Vary: 'Origin',
  'Content-Security-Policy': "default-src 'none'",
};

export function assertStaleHeadersReplaced(reply: Reply): void {
  assert.equal(reply.status, 404);
  for (const gone of Object.keys(staleHeaders)) assert.equal(reply.headers.get(gone), null, gone);
  for (const [name, value] of Object.entries(keptHeaders)) assert.equal(reply.headers.get(name), value, name);
  assert.match(reply.headers.get('set-cookie') ?? '', /^session=kept/);
  assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(reply.headers.get('content-length'), String(Buffer.byteLength(reply.text)));
}
