// Every envelope the middleware sends, on every framework of the registry and from every example app,
// is one that the shipped JSON Schema accepts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { envelopeSchema, isErrorEnvelope } from 'codat-errors';
import { cases } from '../support/cases.ts';
import { frameworks } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(envelopeSchema);
const report = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`.trim()).join('; ');

for (const framework of frameworks) {
  describe(`${framework.name}: every envelope the middleware sends matches the schema`, async () => {
    const { url } = await framework.serve({
      '/throw/:index': ({ params }) => {
        throw cases[Number(params.index)]!.thrown();
      },
    });
    cases.forEach((c, index) => {
      // A value the framework passes on as "no error" ends at the 404, an envelope too.
      const status = framework.failures[0].passesOn(c.thrown()) ? 404 : c.status;
      it(`${c.name} → ${status}`, async () => {
        const reply = await request(`${url}/throw/${index}`);
        assert.equal(reply.status, status);
        assert.ok(validate(reply.body), report());
        assert.ok(isErrorEnvelope(reply.body));
      });
    });

    if (!framework.example) return;
    const example = await framework.example();
    for (const [method, path, status] of example.routes.filter(([, , status]) => status >= 400)) {
      it(`example app: ${method} ${path} → ${status}`, async () => {
        const reply = await request(`${example.url}${path}`, { method });
        assert.equal(reply.status, status);
        assert.ok(validate(reply.body), report());
      });
    }
  });
}
