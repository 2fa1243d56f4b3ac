// npm run fuzz: the core's properties 1,000,000 times each (FUZZ_RUNS), then a raw-socket fuzz of the
// correlation header against both examples, each in its own process (FUZZ_CASES per example, default 100,000).
import { fork, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fuzzCorrelationHeader } from '../test/support/socket-fuzz.ts';

const runs = process.env.FUZZ_RUNS ?? '1000000';
const cases = Number(process.env.FUZZ_CASES ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 0x7fffffff);
let failed = false;

console.log(`property tests, ${runs} runs per property`);
const properties = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/core/properties.test.ts'],
  { env: { ...process.env, FUZZ_RUNS: runs }, stdio: 'inherit', timeout: 60 * 60_000 },
);
if (properties.status !== 0) failed = true;

for (const example of ['koa', 'express']) {
  const child = fork(new URL('./serve-example.ts', import.meta.url), [example], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [{ port }] = (await once(child, 'message')) as [{ port: number }];
  let crashed = false;
  child.on('exit', () => {
    crashed = true;
  });
  const started = Date.now();
  const stats = await fuzzCorrelationHeader({ port, cases, seed });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${example}: seed ${seed}, ${stats.cases} cases in ${seconds} s: ${stats.answered} answered (${stats.reused} ids reused, ${stats.replaced} replaced), ` +
      `${stats.refusedByParser} refused by Node's parser, ${stats.hangs} hangs over 1 s, ${crashed ? 1 : 0} crashes, ${stats.failures.length} failures`,
  );
  for (const failure of stats.failures) console.log(`  ${failure}`);
  if (crashed || stats.hangs > 0 || stats.failures.length > 0) failed = true;
  child.kill();
}
process.exitCode = failed ? 1 : 0;
