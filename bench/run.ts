// npm run bench: the micro-benchmarks, then consecutive runs of the time-sliced HTTP benchmark and the
// memory check; prints the tables and writes BENCHMARKS.md with its chart, benchmarks.svg, when the A/A
// control of every run held. Never run by npm test.
//   npm run bench -- [--runs 3] [--rounds 3] [--group 3] [--cycles 48] [--slice 25] [--connections 8]
//                    [--noise 0.05] [--quiet 0.3]
//                    [--only koa-ours] [--no-growth] [--no-micro] [--no-write]
//   npm run bench -- --from benchmarks.json: writes BENCHMARKS.md and the chart again from the figures a
//   run kept, without measuring (after a change to the report).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { aaTolerance, runGrowth, runHttp, type Row, type Run } from './http.ts';
import { runMicro } from './micro.ts';
import { chart, controls, disagreement, markdown, targets, type Measured } from './report.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    group: { type: 'string', default: '3' },
    cycles: { type: 'string', default: '48' },
    slice: { type: 'string', default: '25' },
    connections: { type: 'string', default: '8' },
    noise: { type: 'string', default: '0.05' },
    quiet: { type: 'string', default: '0.3' },
    only: { type: 'string', multiple: true },
    from: { type: 'string' },
    'no-growth': { type: 'boolean', default: false },
    'no-micro': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const counts = {
  runs: Number(values.runs),
  rounds: Number(values.rounds),
  group: Number(values.group),
  cycles: Number(values.cycles),
  slice: Number(values.slice),
  connections: Number(values.connections),
};
for (const [name, value] of Object.entries(counts)) {
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`bench: --${name} must be a positive whole number, got ${value}`);
}
const shares = { noise: Number(values.noise), quiet: Number(values.quiet) };
for (const [name, value] of Object.entries(shares)) {
  if (!(value > 0 && value <= 1)) throw new TypeError(`bench: --${name} must be a share in (0, 1], got ${value}`);
}
const { runs: runCount, ...rest } = counts;
const settings = { ...rest, ...shares };
const log = (line: string) => console.log(line);

const measured: Measured = values.from ? JSON.parse(await readFile(values.from, 'utf8')) : await measure();

async function measure(): Promise<Measured> {
  const code = measuredCode();
  const micro = values['no-micro'] ? [] : await runMicro(log);
  const runs: Row[][] = [];
  const reruns: Omit<Run, 'rows'>[] = [];
  for (let run = 1; run <= runCount; run++) {
    log(`run ${run}/${runCount}`);
    const { rows, ...counted } = await runHttp({ ...settings, ...(values.only && { only: values.only }) }, log);
    runs.push(rows);
    reruns.push(counted);
  }
  const growth = values['no-growth'] ? undefined : await runGrowth('koa-ours-402', settings.connections);

  return {
    date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    ...(code && { code }),
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    settings,
    runs,
    reruns,
    growth,
    micro,
  };
}
const text = markdown(measured, 'benchmarks.svg');
console.log(`\n${text}`);
const off = measured.runs.flatMap((rows, run) =>
  controls(rows)
    .filter(({ ratio }) => Math.abs(ratio - 1) > aaTolerance)
    .map(({ framework, ratio }) => `${framework} ${ratio.toFixed(3)} in run ${run + 1}`),
);
const conclusive = off.length === 0;
if (!conclusive) {
  console.log(
    `\ninconclusive: the A/A control came out ${off.join(', ')}, not within ${aaTolerance} of 1.00 (the machine was too busy); nothing written`,
  );
} else if (!values['no-write']) {
  await writeFile(new URL('../BENCHMARKS.md', import.meta.url), text);
  await writeFile(new URL('../benchmarks.svg', import.meta.url), chart(measured));
  if (!values.from) await writeFile(new URL('../benchmarks.json', import.meta.url), `${JSON.stringify(measured)}\n`);
  console.log(`written: BENCHMARKS.md, benchmarks.svg${values.from ? '' : ', benchmarks.json'}`);
}
if (measured.runs.length > 1) {
  console.log(`largest difference between consecutive runs: ${disagreement(measured.runs).toFixed(3)}`);
}
process.exitCode = !conclusive ? 2 : targets(measured).every((target) => target.holds) ? 0 : 1;

/** The commit measured, so that BENCHMARKS.md says which code its figures are of (none outside a git clone). */
function measuredCode(): string | undefined {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: 'pipe' }).trim();
  try {
    const changed = git('status', '--porcelain', '--', 'src') !== '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${changed ? ' + changes' : ''}`;
  } catch {
    return undefined;
  }
}
