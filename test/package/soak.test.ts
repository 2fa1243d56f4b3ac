// The soak run in short: 10 s per example, both at once, 100 keep-alive connections each (npm run soak: 60 s).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { soak, soakPassed } from '../support/soak.ts';

it('both examples answer every request of the mix rightly for 10 s under load, the heap back within 10%', {
  timeout: 120_000,
}, async () => {
  for (const figures of await Promise.all([soak('koa', 10, 100), soak('express', 10, 100)])) {
    assert.ok(figures.requests > 0);
    assert.ok(soakPassed(figures), JSON.stringify(figures));
  }
});
