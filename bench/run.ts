// npm run bench: the micro-benchmarks, then the HTTP benchmark and the memory check; prints the
// table and writes BENCHMARKS.md with its chart, benchmarks.svg. Never run by npm test.
//   npm run bench -- [--rounds 9] [--seconds 5] [--amount 20000] [--connections 50] [--only koa-ours] [--no-growth] [--no-micro] [--no-write]
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runGrowth, runHttp } from './http.ts';
import { runMicro } from './micro.ts';
import { chart, markdown, targets, type Measured } from './report.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '9' },
    seconds: { type: 'string', default: '5' },
    amount: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string', multiple: true },
    'no-growth': { type: 'boolean', default: false },
    'no-micro': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const settings = {
  rounds: Number(values.rounds),
  seconds: Number(values.seconds),
  amount: Number(values.amount),
  connections: Number(values.connections),
};
for (const [name, value] of Object.entries(settings)) {
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`bench: --${name} must be a positive whole number, got ${value}`);
}
const log = (line: string) => console.log(line);

const micro = values['no-micro'] ? [] : await runMicro(log);
const loadBefore = loadavg()[0]!;
const rows = await runHttp({ ...settings, ...(values.only && { only: values.only }) }, log);
const loadAfter = loadavg()[0]!;
const growth = values['no-growth'] ? undefined : await runGrowth('koa-ours-404', settings.connections);

const measured: Measured = {
  date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  node: process.version,
  cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
  cores: cpus().length,
  load: [loadBefore, loadAfter],
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  settings,
  rows,
  growth,
  micro,
};
const text = markdown(measured, 'benchmarks.svg');
console.log(`\n${text}`);
if (!values['no-write']) {
  await writeFile(new URL('../BENCHMARKS.md', import.meta.url), text);
  await writeFile(new URL('../benchmarks.svg', import.meta.url), chart(measured));
  console.log('written: BENCHMARKS.md, benchmarks.svg');
}
process.exitCode = targets(measured).every((target) => target.holds) ? 0 : 1;
