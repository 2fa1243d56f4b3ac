import { after, before } from 'node:test';

type Fault = 'uncaughtException' | 'unhandledRejection' | 'warning';

/**
 * Everything the process reports as `events` while the test file runs: a test asserts it stays empty,
 * which a fault escaping the middleware would break without failing any request.
 */
export function recordFaults(events: readonly Fault[] = ['uncaughtException', 'unhandledRejection']): unknown[] {
  const faults: unknown[] = [];
  const record = (fault: unknown) => faults.push(fault);
  before(() => {
    for (const event of events) process.on(event, record);
  });
  after(() => {
    for (const event of events) process.off(event, record);
  });
  return faults;
}
