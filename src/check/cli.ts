#!/usr/bin/env node
// The `codat-errors` command. Only this bin loads the checker: importing the package never does.
import { parseArgs } from 'node:util';
import { defaultCorrelationHeader } from '../contract/correlation-id.js';
import { checkConformance, type CheckTarget } from './conformance.js';
import { formatReport } from './format.js';

const usage = `Usage: codat-errors check <url> [--method M] [--header 'K: V']... [--correlation-header NAME] [--json]

Checks that <url> answers with the error contract: asks it with a valid correlation id, with an
invalid one, and as HEAD when the method is GET. Exit 0 when every check holds, 1 when one breaks,
2 on a usage error.`;

function parseTarget(argv: string[]): { target: CheckTarget; json: boolean } {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      method: { type: 'string', default: 'GET' },
      header: { type: 'string', multiple: true, default: [] },
      'correlation-header': { type: 'string', default: defaultCorrelationHeader },
      json: { type: 'boolean', default: false },
    },
  });
  const [command, address, ...rest] = positionals;
  if (command !== 'check')
    throw new Error(command === undefined ? 'a command is needed' : `unknown command "${command}"`);
  if (address === undefined || rest.length > 0) throw new Error('check takes exactly one URL');
  if (!URL.canParse(address) || !/^https?:$/.test(new URL(address).protocol))
    throw new Error(`"${address}" is not an http(s) URL`);
  const headers: Record<string, string> = {};
  for (const header of values.header) {
    const colon = header.indexOf(':');
    if (colon < 1) throw new Error(`--header must be 'Name: value', got "${header}"`);
    headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
  }
  const target = {
    url: new URL(address),
    method: values.method.toUpperCase(),
    headers,
    correlationHeader: values['correlation-header'].toLowerCase(),
  };
  return { target, json: values.json };
}

let parsed: ReturnType<typeof parseTarget>;
try {
  parsed = parseTarget(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`codat-errors: ${(error as Error).message}\n\n${usage}\n`);
  process.exit(2);
}
const report = await checkConformance(parsed.target);
// Exit once the report is out: fetch's idle keep-alive sockets would otherwise hold the process
// until the server drops them.
process.stdout.write(parsed.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report), () =>
  process.exit(report.ok ? 0 : 1),
);
