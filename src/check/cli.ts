#!/usr/bin/env node
// The `codat-errors` command. Only this bin loads the checker: importing the package never does.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultCorrelationHeader } from '../contract/correlation-id.js';
import { checkConformance, type CheckTarget } from './conformance.js';
import { formatReport } from './format.js';
import { defaultTimeoutMs } from './transport.js';

/** What the process exits with, as the help says. */
const exitCodes = { pass: 0, breach: 1, usage: 2, unreachable: 3 } as const;

const usage = `Usage: codat-errors check <url> [options]
       codat-errors --help | --version

Checks that <url> answers with the error contract: asks it with a valid correlation id, with an
invalid one, and as HEAD when the method is GET. <url> must answer with an error (4xx or 5xx),
such as an unknown path.

Options:
  --method M                 the method to send (default GET)
  --header 'K: V'            a header to send with each request; repeat for more
  --correlation-header NAME  the header that carries the id (default ${defaultCorrelationHeader})
  --timeout MS               milliseconds to wait for each answer (default ${defaultTimeoutMs})
  --json                     print the report as JSON
  -h, --help                 print this help
  --version                  print the version

Exit codes: 0 every check holds, 1 a check breaks the contract, 2 a usage error,
3 the server could not be reached or did not answer in time.`;

type Command = { run: 'help' } | { run: 'version' } | { run: 'check'; target: CheckTarget; json: boolean };

function parseCommand(argv: string[]): Command {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      method: { type: 'string', default: 'GET' },
      header: { type: 'string', multiple: true, default: [] },
      'correlation-header': { type: 'string', default: defaultCorrelationHeader },
      timeout: { type: 'string', default: String(defaultTimeoutMs) },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { run: 'help' };
  if (values.version) return { run: 'version' };
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
  const timeoutMs = Number(values.timeout);
  if (!/^\d+$/.test(values.timeout) || timeoutMs < 1 || timeoutMs > 2 ** 31 - 1)
    throw new Error(`--timeout must be a whole number of milliseconds from 1, got "${values.timeout}"`);
  const target = {
    url: new URL(address),
    method: values.method.toUpperCase(),
    headers,
    correlationHeader: values['correlation-header'].toLowerCase(),
    timeoutMs,
  };
  return { run: 'check', target, json: values.json };
}

/** The version of the package this bin belongs to (dist/check/cli.js, two folders below package.json). */
function version(): string {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
}

let command: Command;
try {
  command = parseCommand(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`codat-errors: ${(error as Error).message}\n\n${usage}\n`);
  process.exit(exitCodes.usage);
}
if (command.run !== 'check') {
  process.stdout.write(`${command.run === 'help' ? usage : version()}\n`);
  process.exit(exitCodes.pass);
}
const report = await checkConformance(command.target);
const exitCode = !report.reached ? exitCodes.unreachable : report.ok ? exitCodes.pass : exitCodes.breach;
// Exit once the report is out: fetch's idle keep-alive sockets would otherwise hold the process
// until the server drops them.
process.stdout.write(command.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report), () =>
  process.exit(exitCode),
);
