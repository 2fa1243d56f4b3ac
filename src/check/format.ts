import { checkTitles, type ConformanceReport, type Probe } from './conformance.js';

const probeTitles: Record<Probe, string> = {
  'valid id': 'with a valid correlation id',
  'invalid id': 'with an invalid correlation id',
  HEAD: 'as HEAD',
};

/** The report for people: one line per check, grouped by probe, and a verdict. */
export function formatReport(report: ConformanceReport): string {
  const lines = [`codat-errors check ${report.method} ${report.url}`];
  let probe: Probe | undefined;
  for (const result of report.results) {
    if (result.probe !== probe) {
      probe = result.probe;
      lines.push(`  ${probeTitles[probe]}`);
    }
    lines.push(`    ${result.ok ? '✓' : '✗'} ${checkTitles[result.check]}: ${result.detail}`);
  }
  const failed = report.results.filter((result) => !result.ok);
  if (!report.reached) lines.push(`COULD NOT REACH ${report.url}: ${failed.at(-1)!.detail}`);
  else if (failed.length === 0) lines.push(`PASS: all ${report.results.length} checks hold`);
  else lines.push(`FAIL: ${failed.length} of ${report.results.length} checks broke the contract`);
  return `${lines.join('\n')}\n`;
}
