// The load generator, in a process of its own: autocannon runs one bounded run per message from
// bench/http.ts and answers with what the table needs.
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  connections: number;
  /** The run stops at this many requests or after `seconds`, whichever comes first. */
  amount: number;
  seconds: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Responses per status class, to check that every response had the row's status. */
  statuses: Record<string, number>;
  errors: number;
}

process.on('message', (request: LoadRequest) => {
  const started = process.hrtime.bigint();
  // autocannon ends a run on its one-second tick: the rate is taken up to the last response instead.
  let last = started;
  const instance = autocannon({
    url: request.url,
    connections: request.connections,
    amount: request.amount,
    headers: request.headers ?? {},
  }, (error, result) => {
    clearTimeout(timer);
    if (error) throw error;
    process.send!({
      requests: result.requests.total,
      seconds: Number(last - started) / 1e9,
      p50: result.latency.p50,
      p99: result.latency.p99,
      statuses: { '2xx': result['2xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
      errors: result.errors + result.timeouts,
    } satisfies LoadResult);
  });
  instance.on('response', () => { last = process.hrtime.bigint(); });
  const timer = setTimeout(() => instance.stop(), request.seconds * 1000);
});
process.on('disconnect', () => process.exit(0));
