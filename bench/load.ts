// The load generator, in a process of its own: for each message from bench/http.ts it runs one bounded
// autocannon run per target, all at the same time, and answers with what the table needs of each.
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  connections: number;
  /** The runs stop when one of them has this many responses or after `seconds`, whichever comes first. */
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

function run(
  request: LoadRequest,
  stopAll: () => void,
): { instance: autocannon.Instance; result: Promise<LoadResult> } {
  const started = process.hrtime.bigint();
  // autocannon ends a run on its one-second tick: the rate is taken up to the last response instead.
  let last = started;
  let responses = 0;
  let instance!: autocannon.Instance;
  const result = new Promise<LoadResult>((resolve, reject) => {
    instance = autocannon(
      { url: request.url, connections: request.connections, headers: request.headers ?? {} },
      (error, result) => {
        if (error) reject(error);
        else
          resolve({
            requests: result.requests.total,
            seconds: Number(last - started) / 1e9,
            p50: result.latency.p50,
            p99: result.latency.p99,
            statuses: { '2xx': result['2xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
            errors: result.errors + result.timeouts,
          });
      },
    );
  });
  instance.on('response', () => {
    last = process.hrtime.bigint();
    if (++responses === request.amount) stopAll();
  });
  return { instance, result };
}

process.on('message', async (requests: LoadRequest[]) => {
  // Runs that go together end together, so that every server was measured over the same stretch of
  // time, under whatever else the machine was doing then.
  const stopAll = () => {
    for (const { instance } of runs) instance.stop();
  };
  const runs = requests.map((request) => run(request, stopAll));
  const timer = setTimeout(stopAll, Math.max(...requests.map((request) => request.seconds)) * 1000);
  const results = await Promise.all(runs.map(({ result }) => result));
  clearTimeout(timer);
  process.send!(results);
});
process.on('disconnect', () => process.exit(0));
