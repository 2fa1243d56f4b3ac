// Each entry point's surface is an explicit list: the names it exports, values and types, are the ones
// below and the ones docs/api.md gives a heading each, no more.
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
  'codat-errors/nestjs': {
    file: 'adapters/nestjs/index.ts',
    names: [
      ...shared,
      'CodatErrorsModule',
      'CorrelatedRequest',
      'NestValidateRequest',
      'ValidationExceptionOptions',
      'validate',
      'validationExceptionFactory',
    ],
  },
  'codat-errors/fetch': {
    file: 'adapters/fetch/index.ts',
    names: [...shared, 'FetchHandler', 'withCodatErrors'],
  },
  'codat-errors/hono': {
    file: 'adapters/hono/index.ts',
    names: [...shared, 'ValidationResult', 'codatErrors', 'validate', 'validationHook'],
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

/** The `## ` section of the API reference whose heading names `title`, up to the next `## ` heading. */
function sectionOf(reference: string, title: string): string {
  const start = reference.split('\n').findIndex((line) => line.startsWith('## ') && line.includes(title));
  assert.ok(start !== -1, `the API reference has no section ${title}`);
  const lines = reference.split('\n').slice(start);
  const end = lines.findIndex((line, index) => index > 0 && line.startsWith('## '));
  return lines.slice(0, end === -1 ? undefined : end).join('\n');
}

/** The exports a section documents: one `###` or `####` heading each, the names in its backticks (`name(args)`). */
function namesIn(section: string): string[] {
  return [...section.matchAll(/^#{3,4} (.*)$/gm)].flatMap(([, heading]) =>
    [...heading!.matchAll(/`(\w+)[^`]*`/g)].map(([, name]) => name!),
  );
}

/**
 * What docs/api.md lists for `entry`: its own section, and the framework-free API where it says so (a
 * name of the entry's own section replaces the shared one: codat-errors/fetch's getCorrelationId).
 */
async function documented(entry: string): Promise<string[]> {
  const reference = await readFile(new URL('../../docs/api.md', import.meta.url), 'utf8');
  const section = sectionOf(reference, `\`${entry}\``);
  const own = namesIn(section);
  const shared = section.includes('the framework-free API')
    ? namesIn(sectionOf(reference, 'The framework-free API'))
    : [];
  const names = [...own, ...shared.filter((name) => !own.includes(name))];
  assert.equal(new Set(names).size, names.length, `${entry}: a name is documented twice`);
  return names.sort();
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

    it(`${entry}: docs/api.md has a heading for each name, and for no other`, async () => {
      assert.deepEqual(await documented(entry), expected);
    });
  }
});
