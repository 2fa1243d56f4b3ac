// The fenced blocks and headings of a Markdown page, as the docs tests read them.

export interface Block {
  /** The page, relative to the repository: `README.md`, `docs/validation.md`. */
  page: string;
  /** The nearest heading above the block, without its `#`s. */
  heading: string;
  /** The fence's language: `ts`, `js`, `sh`, `json`, `text`… */
  lang: string;
  code: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

/** Every fenced block of a page, in order. */
export function blocksOf(page: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  let heading = '';
  let open: { lang: string; line: number; lines: string[] } | undefined;
  markdown.split('\n').forEach((text, index) => {
    if (open) {
      if (text.startsWith('```')) {
        blocks.push({ page, heading, lang: open.lang, code: `${open.lines.join('\n')}\n`, line: open.line });
        open = undefined;
      } else {
        open.lines.push(text);
      }
    } else if (text.startsWith('```')) {
      open = { lang: text.slice(3).trim(), line: index + 1, lines: [] };
    } else if (/^#{1,6} /.test(text)) {
      heading = text.replace(/^#+ /, '');
    }
  });
  return blocks;
}

/** The headings of a page outside its code blocks, with the anchors GitHub gives them. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const text of markdown.split('\n')) {
    if (text.startsWith('```')) fenced = !fenced;
    if (fenced || !/^#{1,6} /.test(text)) continue;
    const slug = text
      .replace(/^#+ /, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}
