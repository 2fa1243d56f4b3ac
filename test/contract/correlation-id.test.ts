// The contract's rule for a correlation id, which both the policy and the checker apply.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidCorrelationId } from 'codat-errors';

describe('isValidCorrelationId', () => {
  it('accepts exactly 1 to 128 characters of A-Z a-z 0-9 - _ . :', () => {
    for (let code = 0; code < 0x180; code++) {
      const char = String.fromCharCode(code);
      assert.equal(isValidCorrelationId(char), /[A-Za-z0-9_.:-]/.test(char), `U+${code.toString(16)}`);
    }
    assert.equal(isValidCorrelationId(['a']), false);
    assert.equal(isValidCorrelationId(undefined), false);
  });
});
