// Turns the measurements into BENCHMARKS.md and its bar chart (an SVG, drawn here with no library).
import type { Growth, Row } from './http.ts';
import type { Micro } from './micro.ts';

export interface Measured {
  date: string;
  node: string;
  cpu: string;
  cores: number;
  /** 1-minute load average before and after the HTTP benchmark. */
  load: [number, number];
  command: string;
  settings: { rounds: number; seconds: number; amount: number; connections: number };
  rows: Row[];
  growth: Growth | undefined;
  micro: Micro[];
}

export interface Target {
  name: string;
  wanted: string;
  measured: string;
  holds: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ratio = (row: Row | undefined) => (row ? median(row.cpuRatios) : Number.NaN);
const spread = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
const rowOf = (rows: Row[], name: string) => rows.find((row) => row.app.name === name);

export function targets({ rows, growth }: Measured): Target[] {
  const list: Target[] = [];
  const atLeast = (name: string, row: Row | undefined, floor: number, floorText = floor.toFixed(2)) => {
    if (row)
      list.push({
        name,
        wanted: `≥ ${floorText}`,
        measured: `${ratio(row).toFixed(2)} (${spread(row.cpuRatios)})`,
        holds: ratio(row) >= floor,
      });
  };
  atLeast('Koa success path', rowOf(rows, 'koa-ours-ok'), 0.95);
  atLeast('Express success path', rowOf(rows, 'express-ours-ok'), 0.95);
  atLeast('Koa, catalog 4xx thrown per request (aim 0.80)', rowOf(rows, 'koa-ours-404'), 0.7);
  atLeast('Koa, catalog 4xx with an incoming id', rowOf(rows, 'koa-ours-404-id'), 0.7);
  atLeast('Express, catalog 4xx thrown per request', rowOf(rows, 'express-ours-404'), 0.7);
  // Like for like: Koa's default handler on the same unknown Error also captures its stack and prints it.
  const koaDefault = rowOf(rows, 'koa-default-500');
  if (koaDefault)
    atLeast(
      "Koa, unknown Error (500), against Koa's default on the same Error",
      rowOf(rows, 'koa-ours-500'),
      ratio(koaDefault),
      `${ratio(koaDefault).toFixed(2)} (Koa default)`,
    );
  if (growth) {
    const change = growth.rssAfter30s / growth.rssAfter5s - 1;
    list.push({
      name: `RSS after 30 s within 10% of after 5 s (${growth.app})`,
      wanted: '≤ +10%',
      measured: `${mb(growth.rssAfter5s)} → ${mb(growth.rssAfter30s)} MB (${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%)`,
      holds: change <= 0.1,
    });
  }
  return list;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const fixed = (value: number, digits = 1) => value.toFixed(digits);

export function markdown(measured: Measured, chartFile: string): string {
  const { rows, settings } = measured;
  const main = rows.filter((row) => !row.app.asyncContextPair);
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`${measured.command}\` on ${measured.date}: Node.js ${measured.node}, ${measured.cores} × ${measured.cpu},`,
    `1-minute load average ${fixed(measured.load[0], 2)} before and ${fixed(measured.load[1], 2)} after the HTTP runs (the machine is shared:`,
    'other work was running, so read the spread as well as the median).',
    '',
    `HTTP: every server in its own process, autocannon in another, on 127.0.0.1; ${settings.rounds} rounds, each running`,
    'every row once (order rotated between rounds). Each row runs **at the same time** as the bare app of its framework,',
    `both in processes started anew for that round, ${settings.connections} connections to each, until one of the two has had ${settings.amount} requests`,
    `or ${settings.seconds} s have passed (both stop together), after a warm-up of the same pair: whatever else the machine does then weighs`,
    'on both alike, and what a process happened to settle on at start (JIT, heap) is drawn anew each round. **CPU ratio** = the bare',
    "app's server CPU time per request over this row's, in the same pair (1.00 = as cheap as the bare app of its framework),",
    'median of the rounds with the lowest and highest round in brackets; the row *Koa 3, bare 200, a second process* is the',
    "bare app against itself, the error of the method. CPU time is the server process's own (`process.cpuUsage()`, asked over IPC",
    'outside the measured requests), which other load on the machine disturbs far less than requests per second.',
    '',
    '## Targets',
    '',
    '| target | wanted | measured (CPU ratio, spread) | holds |',
    '| --- | --- | --- | --- |',
    ...targets(measured).map(
      (target) => `| ${target.name} | ${target.wanted} | ${target.measured} | ${target.holds ? 'yes' : '**no**'} |`,
    ),
    '',
    '## HTTP',
    '',
    `![CPU per request against the bare app of each framework](${chartFile})`,
    '',
    '| row | status | req/s | req/s ratio | CPU µs/req | CPU ratio | p50 ms | p99 ms | RSS MB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...main.map((row) => {
      const runs = row.runs;
      return `| ${row.app.label} | ${row.app.status} | ${fixed(median(runs.map((r) => r.requestsPerSecond)), 0)} | ${fixed(median(row.rpsRatios), 2)} (${spread(row.rpsRatios)}) | ${fixed(median(runs.map((r) => r.cpuPerRequest)))} | **${fixed(median(row.cpuRatios), 2)}** (${spread(row.cpuRatios)}) | ${fixed(median(runs.map((r) => r.p50)))} | ${fixed(median(runs.map((r) => r.p99)))} | ${mb(median(runs.map((r) => r.rss)))} |`;
    }),
    '',
  ];
  const on = rowOf(rows, 'koa-context-on');
  if (on) {
    // Pair by pair: the same moment's other load weighs on both.
    const costs = on.runs.map((run, i) => run.cpuPerRequest - on.baselineRuns[i]!.cpuPerRequest);
    const offMedian = median(on.baselineRuns.map((r) => r.cpuPerRequest));
    const onMedian = median(on.runs.map((r) => r.cpuPerRequest));
    lines.push(
      '## The async context',
      '',
      "Our Koa middleware on the success path, with a handler that awaits three times (AsyncLocalStorage's cost grows",
      'with promises), `asyncContext` off and on, run as a pair in each round; the cost is the difference within each pair.',
      '',
      '| `asyncContext: false` | `asyncContext: true` | cost (median of the rounds, lowest to highest) |',
      '| --- | --- | --- |',
      `| ${fixed(offMedian)} µs | ${fixed(onMedian)} µs | ${median(costs) >= 0 ? '+' : ''}${fixed(median(costs))} µs (${fixed(Math.min(...costs))} to ${fixed(Math.max(...costs))}), ${fixed((median(costs) / offMedian) * 100)}% |`,
      '',
    );
  }
  if (measured.growth) {
    const { growth } = measured;
    lines.push(
      '## Memory under sustained load',
      '',
      `A fresh \`${growth.app}\` server, RSS after 5 s of load and after 30 s: ${mb(growth.rssAfter5s)} MB and ${mb(growth.rssAfter30s)} MB.`,
      '',
    );
  }
  lines.push(
    '## Micro-benchmarks',
    '',
    "mitata, median time per call, in the benchmark's own process.",
    '',
    '| what | µs |',
    '| --- | --- |',
  );
  for (const result of measured.micro)
    lines.push(`| ${result.name.replaceAll('|', '\\|')} | ${fixed(result.p50 / 1000, 3)} |`);
  lines.push('');
  return lines.join('\n');
}

const colours = { bare: '#9e9e9e', ours: '#2e7d32', peer: '#c62828' } as const;
const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Horizontal bars of the CPU ratio, one per row, with the spread between rounds as a whisker. */
export function chart(measured: Measured): string {
  const rows = measured.rows.filter((row) => !row.app.asyncContextPair);
  const labelWidth = 360;
  const barWidth = 420;
  const rowHeight = 24;
  const top = 40;
  const height = top + rows.length * rowHeight + 40;
  const scaleMax = Math.max(1.2, ...rows.flatMap((row) => row.cpuRatios));
  const x = (value: number) => labelWidth + (value / scaleMax) * barWidth;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 70}" height="${height}" font-family="sans-serif" font-size="12">`,
    '<rect width="100%" height="100%" fill="#fff"/>',
    `<text x="10" y="20" font-size="14" font-weight="bold">Server CPU per request: bare app of the same framework ÷ row (higher is cheaper; 1.00 = bare)</text>`,
  ];
  for (const [value, label] of [
    [0.7, '0.70'],
    [0.95, '0.95'],
    [1, '1.00'],
  ] as const) {
    parts.push(
      `<line x1="${x(value)}" y1="${top - 6}" x2="${x(value)}" y2="${height - 30}" stroke="#555" stroke-dasharray="3,3"/>`,
    );
    parts.push(`<text x="${x(value)}" y="${height - 16}" text-anchor="middle" fill="#555">${label}</text>`);
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const value = median(row.cpuRatios);
    const low = Math.min(...row.cpuRatios);
    const high = Math.max(...row.cpuRatios);
    parts.push(`<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeXml(row.app.label)}</text>`);
    parts.push(
      `<rect x="${labelWidth}" y="${y + 4}" width="${x(value) - labelWidth}" height="${rowHeight - 8}" fill="${colours[row.app.kind]}"/>`,
    );
    parts.push(`<line x1="${x(low)}" y1="${y + 12}" x2="${x(high)}" y2="${y + 12}" stroke="#000"/>`);
    parts.push(`<text x="${x(Math.max(value, high)) + 6}" y="${y + 15}">${value.toFixed(2)}</text>`);
  });
  const legendY = height - 16;
  [
    ['bare app', 'bare'],
    ['codat-errors', 'ours'],
    ['other handlers', 'peer'],
  ].forEach(([label, kind], i) => {
    parts.push(
      `<rect x="${10 + i * 120}" y="${legendY - 10}" width="12" height="12" fill="${colours[kind as keyof typeof colours]}"/>`,
    );
    parts.push(`<text x="${26 + i * 120}" y="${legendY}">${label}</text>`);
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}
