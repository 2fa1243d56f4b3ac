import { Readable } from 'node:stream';

/** The part of Koa's context the guard uses. */
interface StreamContext {
  readonly headerSent: boolean;
  onerror(error: unknown): void;
}

/** Answers a stream's failure: `afterResponse` when the response has begun and can only be cut. */
export type StreamFailure = (thrown: unknown, afterResponse: boolean) => void;

export function isStream(body: unknown): body is Readable {
  return body instanceof Readable;
}

/**
 * A stream body fails after the middleware has returned, where Koa reports it to ctx.onerror (Koa 3
 * from its pipeline and again from on-finished: once is enough). An error before its first chunk
 * still has a whole response to write, so that chunk is waited for here.
 */
export async function guardStream(ctx: StreamContext, stream: Readable, fail: StreamFailure): Promise<void> {
  let returned = false;
  let reported = false;
  ctx.onerror = (thrown: unknown) => {
    // Before the middleware returns, the same error rejects firstChunk below instead (Koa 2 reports both).
    if (thrown == null || !returned || reported) return;
    reported = true;
    fail(thrown, true);
  };
  try {
    if (!ctx.headerSent) await firstChunk(stream);
  } catch (thrown) {
    reported = true;
    fail(thrown, false);
  }
  returned = true;
}

/** Settles when the stream has data ready or has ended; rejects if it fails or is destroyed first. */
function firstChunk(stream: Readable): Promise<void> {
  if (stream.errored) return Promise.reject(stream.errored);
  if (stream.readableLength > 0 || stream.readableEnded) return Promise.resolve();
  if (stream.destroyed) return Promise.reject(prematureClose());
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('readable', ready).off('end', ready).off('close', closed).off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const ready = () => settle();
    // A stream destroyed without an error has no body to send either: Koa would answer nothing.
    const closed = () => settle(prematureClose());
    stream.on('readable', ready).on('end', ready).on('close', closed).on('error', settle);
  });
}

function prematureClose(): Error {
  return new Error('The response body stream was destroyed before its first chunk');
}
