/**
 * Finds the ```query blocks of a note's Markdown, also inside callouts and quotes
 * (`> ```query`), as Obsidian's reading view hands them to a code block processor.
 */

export interface QueryBlockSource {
  /** 1-based line of the opening fence in the file. */
  line: number;
  /** The block's content without fences or quote markers, lines joined by `\n`. */
  query: string;
  language: string;
}

interface OpenFence {
  marker: string;
  quoteDepth: number;
  line: number;
  language: string;
  lines: string[];
}

/** `> > text` → depth 2 and `text`; one optional space after each `>`. */
function splitQuote(line: string): { depth: number; text: string } {
  let depth = 0;
  let rest = line;
  for (;;) {
    const match = /^ {0,3}> ?/.exec(rest);
    if (!match) return { depth, text: rest };
    depth++;
    rest = rest.slice(match[0].length);
  }
}

export function findCodeBlocks(markdown: string, languages: readonly string[]): QueryBlockSource[] {
  const wanted = new Set(languages.map((language) => language.toLowerCase()));
  const blocks: QueryBlockSource[] = [];
  const lines = markdown.split(/\r?\n/);
  let open: OpenFence | null = null;
  const close = (fence: OpenFence): void => {
    if (wanted.has(fence.language)) blocks.push({ line: fence.line, query: fence.lines.join("\n"), language: fence.language });
  };
  lines.forEach((line, index) => {
    const { depth, text } = splitQuote(line);
    if (open) {
      // Leaving the quote that holds the fence ends the block, as in CommonMark.
      if (depth < open.quoteDepth) {
        close(open);
        open = null;
      } else {
        const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
        if (closing?.[1] && closing[1][0] === open.marker[0] && closing[1].length >= open.marker.length) {
          close(open);
          open = null;
        } else {
          open.lines.push(text);
        }
        return;
      }
    }
    const opening = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(text);
    if (opening?.[1]) {
      open = { marker: opening[1], quoteDepth: depth, line: index + 1, language: (opening[2] ?? "").toLowerCase(), lines: [] };
    }
  });
  if (open) close(open);
  return blocks;
}
