// Validator output turned into validation items: the cases no validator of test/frameworks/validate.test.ts gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemsFromAjv, itemsFromIssues } from 'codat-errors';

describe('itemsFromAjv', () => {
  it('gives an Ajv error without a message one naming its keyword', () => {
    assert.deepEqual(itemsFromAjv([{ keyword: 'custom', instancePath: '/a', params: {} }]), [
      { itemId: 'a', message: 'must pass "custom" keyword validation', validatorName: 'custom' },
    ]);
  });
});

describe('itemsFromIssues', () => {
  it('takes issues without a path, or with a symbol key without description', () => {
    assert.deepEqual(itemsFromIssues([{ message: 'whole' }, { message: 'sym', path: [Symbol(), 'b'] }]), [
      { message: 'whole' },
      { itemId: '.b', message: 'sym' },
    ]);
  });
});
