// Each entry point's surface is an explicit list: the names it exports, values and types, are the ones
// below and the ones the README's API reference lists, no more.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every name a source module exports, following its `export *`; type-only names included. */
function exportedNames(file: string): string[] {
  const code = readFileSync(join(src, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const names = new Set<string>();
  for (const [, list] of code.matchAll(/^export (?:type )?\{([^}]*)\}/gm)) {
    for (const entry of list!.split(',')) {
      const name = entry
        .trim()
        .replace(/^type /, '')
        .split(/\s+as\s+/)
        .pop()!;
      if (name !== '') names.add(name);
    }
  }
  for (const [, specifier] of code.matchAll(/^export \* from '([^']+)'/gm)) {
    for (const name of exportedNames(join(dirname(file), specifier!.replace(/\.js$/, '.ts')))) names.add(name);
  }
  for (const [, name] of code.matchAll(
    /^export (?:declare )?(?:async )?(?:function|class|const|let|interface|type|enum|namespace) (\w+)/gm,
  ))
    names.add(name!);
  return [...names].sort();
}

const shared = [
  'AjvError',
  'AjvItemOptions',
  'AjvValidateFunction',
  'BadRequest',
  'CodatError',
  'CodatErrorInit',
  'CodatErrorOptions',
  'CodatErrorsOptions',
  'Conflict',
  'DatatypeNotSupported',
  'DownstreamError',
  'DownstreamErrorOptions',
  'EnvelopeContext',
  'ErrorEnvelope',
  'ErrorHeaders',
  'ErrorHook',
  'ErrorLogger',
  'ErrorReport',
  'Forbidden',
  'FromIssuesOptions',
  'InternalServerError',
  'ItemOptions',
  'LimitExceeded',
  'LimitOptions',
  'Limits',
  'MethodNotAllowed',
  'NotFound',
  'OpenApiComponents',
  'OpenApiOptions',
  'PartValidator',
  'ReceivedError',
  'RequestPart',
  'RequestSchemas',
  'RequestValues',
  'ServiceUnavailable',
  'ServiceUnavailableOptions',
  'StandardSchemaV1',
  'TooManyRequests',
  'Unauthorized',
  'UnavailableForLegalReasons',
  'UnprocessableContent',
  'ValidateOptions',
  'Validation',
  'ValidationItem',
  'correlatedFetch',
  'correlationInterceptor',
  'correlationMixin',
  'createRequestCheck',
  'envelopeSchema',
  'getCorrelationId',
  'isCodatError',
  'isErrorEnvelope',
  'isValidCorrelationId',
  'itemsFromAjv',
  'itemsFromIssues',
  'openApiComponents',
  'runWithCorrelationId',
  'toEnvelope',
  'withCorrelation',
];
const koa = [
  ...shared,
  'KoaContext',
  'KoaMiddleware',
  'KoaValidateContext',
  'KoaValidateMiddleware',
  'codatErrors',
  'validate',
];

/** Entry point → its source file and its whole surface. */
const entries: Record<string, { file: string; names: readonly string[] }> = {
  'codat-errors': { file: 'index.ts', names: koa },
  'codat-errors/koa': { file: 'adapters/koa/index.ts', names: koa },
  'codat-errors/express': {
    file: 'adapters/express/index.ts',
    names: [
      ...shared,
      'ExpressErrorHandler',
      'ExpressErrors',
      'ExpressMiddleware',
      'ExpressNext',
      'ExpressRequest',
      'ExpressResponse',
      'ExpressValidateMiddleware',
      'ExpressValidateRequest',
      'codatErrors',
      'validate',
    ],
  },
  'codat-errors/fastify': {
    file: 'adapters/fastify/index.ts',
    names: [
      ...shared,
      'FastifyCodatErrors',
      'FastifyValidateHook',
      'FastifyValidateRequest',
      'GenReqIdOptions',
      'codatErrors',
      'genReqId',
      'validate',
    ],
  },
  'codat-errors/client': {
    file: 'client/index.ts',
    names: ['CodatApiError', 'ErrorEnvelope', 'FromResponseOptions', 'Validation', 'ValidationItem', 'parseRetryAfter'],
  },
  'codat-errors/opentelemetry': {
    file: 'opentelemetry/index.ts',
    names: ['correlationIdAttribute', 'recordErrorOnSpan'],
  },
};

/** The names in backticks of one `### ` section of the README's API reference. */
function namesIn(reference: string, heading: string): string[] {
  const start = reference.indexOf(`### ${heading}\n`);
  assert.ok(start !== -1, `the API reference has no section ${heading}`);
  const end = reference.indexOf('\n#', start + 1);
  const section = reference.slice(start + heading.length + 5, end === -1 ? undefined : end);
  return [...section.matchAll(/`(\w+)`/g)].map(([, name]) => name!);
}

/** What the README's API reference lists for `entry`: its own section, and the shared list where it says so. */
async function documented(entry: string): Promise<string[]> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const reference = readme.slice(
    readme.indexOf('## API reference'),
    readme.indexOf('\n## ', readme.indexOf('## API reference') + 1),
  );
  const own = namesIn(reference, `\`${entry}\``);
  const section = reference.slice(reference.indexOf(`### \`${entry}\``));
  const shared = section.slice(0, section.indexOf('\n#', 1)).includes('the framework-free API')
    ? namesIn(reference, 'The framework-free API')
    : [];
  return [...new Set([...own, ...shared])].sort();
}

describe('each entry point exports exactly its list', () => {
  for (const [entry, { file, names }] of Object.entries(entries)) {
    const expected = [...names].sort();

    it(`${entry}: its source exports these names, types included`, () => {
      assert.deepEqual(exportedNames(file), expected);
    });

    it(`${entry}: its values at run time are those of the list`, async () => {
      const module = (await import(entry)) as Record<string, unknown>;
      assert.deepEqual(
        Object.keys(module).sort(),
        expected.filter((name) => name in module),
      );
      assert.ok(Object.keys(module).length > 0);
    });

    it(`${entry}: the README's API reference lists the same names`, async () => {
      assert.deepEqual(await documented(entry), expected);
    });
  }
});
