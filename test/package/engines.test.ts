// `npm ci` warns EBADENGINE for any installed package whose `engines.node` excludes the running Node.js:
// every package of the lock file must accept the oldest Node.js this package supports and the one running.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';
import semver from 'semver';

const root = new URL('../../', import.meta.url);

it('every locked package accepts the oldest supported Node.js and this one, so npm ci warns no EBADENGINE', async () => {
  const manifest = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  const lock = JSON.parse(await readFile(new URL('package-lock.json', root), 'utf8'));
  const oldest = semver.minVersion(manifest.engines.node)!.version;
  const refused = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>).flatMap(
    ([path, entry]) => {
      const range = entry.engines?.node;
      if (range === undefined) return [];
      return [oldest, process.versions.node]
        .filter((version) => !semver.satisfies(version, range))
        .map((version) => `${path} needs node ${range}, not ${version}`);
    },
  );
  assert.deepEqual(refused, []);
});
