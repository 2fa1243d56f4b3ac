import assert from 'node:assert/strict';
import { STATUS_CODES } from 'node:http';
import { it } from 'node:test';
import { reasonPhrase } from '../../dist/contract/status.js';

it("the contract's reason phrases are Node's, status for status, from 400 to 599", () => {
  for (let status = 400; status <= 599; status++) {
    assert.equal(reasonPhrase(status), STATUS_CODES[status] ?? 'Unknown Error', String(status));
  }
});
