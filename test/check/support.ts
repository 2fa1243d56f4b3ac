// Runs the codat-errors bin as a CI job would, in its own process.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const packageJson = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};
const bin = fileURLToPath(new URL(`../../${packageJson.bin['codat-errors']}`, import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function cli(...args: string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr, ms: performance.now() - started });
    });
  });
}

export interface Report {
  ok: boolean;
  reached: boolean;
  method: string;
  results: Array<{ probe: string; check: string; ok: boolean; detail: string }>;
}

/** The JSON report of a check, and the checks that broke, as `probe: check`. */
export async function check(url: string, ...options: string[]) {
  const run = await cli('check', url, '--json', ...options);
  const report = JSON.parse(run.stdout) as Report;
  const broken = report.results.filter((r) => !r.ok).map((r) => `${r.probe}: ${r.check}`);
  return { ...run, report, broken };
}
