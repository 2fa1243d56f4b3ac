// npm run soak: both examples under load for SOAK_SECONDS (default 60) over SOAK_CONNECTIONS (default 100) each.
import { soak, soakPassed } from '../test/support/soak.ts';

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 100);
let failed = false;
for (const figures of await Promise.all([soak('koa', seconds, connections), soak('express', seconds, connections)])) {
  const ok = soakPassed(figures);
  failed ||= !ok;
  console.log(`${figures.example}: ${ok ? 'PASS' : 'FAIL'}, ${seconds} s, ${connections} keep-alive connections`);
  console.log(
    `  requests ${figures.requests}; in flight at the end ${figures.inFlightAtEnd}; hung ${figures.hung}; socket errors ${figures.errors}; crashed ${figures.crashed}`,
  );
  for (const [kind, count] of Object.entries(figures.injected))
    console.log(`  ${kind}: injected ${count}, answered ${figures.observed[kind] ?? 0}`);
  console.log(
    `  wrong status ${figures.wrongStatus}; canary hits ${figures.canaryHits}; correlation mismatches ${figures.correlationMismatches}`,
  );
  console.log(
    `  heap after forced GC: warm baseline ${(figures.heapBaseline / 1e6).toFixed(1)} MB, after ${(figures.heapAfter / 1e6).toFixed(1)} MB (${((figures.heapAfter / figures.heapBaseline - 1) * 100).toFixed(1)}%)`,
  );
}
process.exitCode = failed ? 1 : 0;
