import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedExamples } from '../support/seed-examples.ts';
import { withExample } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

/** Every key path of a JSON value, in document order. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}${key}`, ...keyPaths(child, `${prefix}${key}.`)]);
}

for (const framework of withExample)
  describe(`the contract's three examples, reproduced by the ${framework.name} example app`, async () => {
    const { url } = await framework.example();
    const examples: Array<[string, keyof typeof seedExamples, string, RequestInit]> = [
      ['company limit', 'companyLimit', '/companies', { method: 'POST' }],
      ['free account expired', 'accountExpired', '/account', {}],
      ['downstream error', 'downstream', '/invoices/12345/pdf?companyId=360cb9b3-d9cf-4f66-b8db-8a3523fe3dc5', {}],
    ];

    for (const [name, key, path, init] of examples) {
      it(`${name}: same keys, same order, same values, same bytes`, async () => {
        const expected = JSON.parse(seedExamples[key]);
        const reply = await request(`${url}${path}`, {
          ...init,
          headers: { 'x-correlation-id': expected.correlationId },
        });
        assert.equal(reply.status, expected.statusCode);
        assert.equal(reply.headers.get('x-correlation-id'), expected.correlationId);
        assert.deepEqual(keyPaths(reply.body), keyPaths(expected));
        assert.deepEqual(reply.body, expected);
        assert.equal(reply.text, JSON.stringify(expected));
      });
    }
  });
