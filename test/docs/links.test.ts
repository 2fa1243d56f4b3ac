// The README is also the package's page on the npm registry, where a relative link leads nowhere: its
// links are absolute (to the repository, at main) or anchors of its own. Every link of the README, of
// docs/ and of CONTRIBUTING.md reaches a file that exists, and a heading that exists in it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { anchorsOf } from './markdown.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const pages = ['README.md', 'CONTRIBUTING.md', ...(await readdir(join(root, 'docs'))).map((name) => `docs/${name}`)];

/** The targets of a page's Markdown links and images, outside code blocks and inline code. */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => target!);
}

/** The repository file and anchor a link reaches, or undefined for a link outside the repository. */
function resolve(page: string, target: string): { file: string; anchor: string } | undefined {
  const [path = '', anchor = ''] = target.split('#');
  if (path === '') return { file: page, anchor };
  if (path === repository) return { file: 'README.md', anchor };
  if (path.startsWith(`${repository}/blob/main/`)) return { file: path.slice(repository.length + 11), anchor };
  if (/^[a-z]+:/.test(path)) return undefined;
  return { file: relative(root, normalize(join(root, dirname(page), path))), anchor };
}

describe('the links of the README and docs/', () => {
  for (const page of pages) {
    it(`${page}: every link reaches a file and a heading that exist`, async () => {
      const broken: string[] = [];
      for (const target of linksOf(await readFile(join(root, page), 'utf8'))) {
        const reached = resolve(page, target);
        if (reached === undefined) continue;
        if (!existsSync(join(root, reached.file))) {
          broken.push(`${target}: no file ${reached.file}`);
        } else if (reached.anchor !== '') {
          const anchors = anchorsOf(await readFile(join(root, reached.file), 'utf8'));
          if (!anchors.has(reached.anchor)) broken.push(`${target}: no heading #${reached.anchor} in ${reached.file}`);
        }
      }
      assert.deepEqual(broken, []);
    });
  }

  it('README.md: every link works from the npm page (absolute, or an anchor of the README)', async () => {
    const relativeLinks = linksOf(await readFile(join(root, 'README.md'), 'utf8')).filter(
      (target) => !target.startsWith('#') && !/^https?:\/\//.test(target),
    );
    assert.deepEqual(relativeLinks, []);
  });
});
