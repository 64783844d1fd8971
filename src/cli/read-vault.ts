/**
 * The headless reader: walks a vault folder like Obsidian does and turns every
 * Markdown file into a note record. A bad file becomes a warning, never a stop.
 */
import { isUtf8 } from "node:buffer";
import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from "node:fs";
import { join, sep } from "node:path";
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import type { NoteRecord, NoteWarning } from "../core/note";
import { isPlainObject } from "../core/plain-object";
import { findCodeBlocks } from "../core/query-blocks";
import { inlineTags } from "../core/tags";
import { lineAndColumn } from "../core/text-position";
import { readFlatFrontmatter } from "./flat-frontmatter";
import { mayHoldInlineTag, noteLayout, unopenedFrontmatter } from "./note-layout";
import { fileSystemReason, FileRefusal, readRegularFile } from "./safe-read";

export interface QueryBlockInNote {
  note: string;
  line: number;
  query: string;
}

export interface VaultRead {
  records: NoteRecord[];
  /** The ```query blocks of every note, when asked for. */
  queryBlocks: QueryBlockInNote[];
  warnings: NoteWarning[];
}

export interface ReadOptions {
  /** Also collect ```query blocks (costs a pass over each note's text). */
  queryBlocks?: boolean;
  languages?: readonly string[];
  /** Told after each note how many are read of how many were found (the progress line on a terminal). */
  onProgress?: (read: number, found: number) => void;
}

/**
 * Vault-relative paths of the Markdown files, skipping `.obsidian`, `.trash` and hidden folders.
 * A folder that cannot be read, or a name that is not UTF-8, is a warning in `warnings` and the
 * walk goes on; only the vault folder itself failing throws.
 */
export function listMarkdownFiles(vaultDir: string, warnings: NoteWarning[] = []): string[] {
  const paths: string[] = [];
  const walk = (relative: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(vaultDir, relative), { withFileTypes: true });
    } catch (error) {
      if (relative === "") throw error;
      warnings.push({ path: `${relative}/`, message: `is a folder that could not be read (${fileSystemReason(error)}); the notes in it are left out` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const named = entry.name.toLowerCase().endsWith(".md");
      const isNote = entry.isFile() && named;
      if (!entry.isDirectory() && !isNote) {
        const left = leftOut(entry, join(vaultDir, path), named);
        if (left) warnings.push({ path, message: left });
        continue;
      }
      // Node decodes a name that is not UTF-8 with U+FFFD, and no file has the decoded name.
      if (entry.name.includes("\uFFFD") && !lstatSync(join(vaultDir, path), { throwIfNoEntry: false })) {
        warnings.push({ path, message: `has a name that is not valid UTF-8 (shown with \uFFFD for the bytes that are not), which Obsidian cannot open either; it is left out: rename it` });
      } else if (entry.isDirectory()) walk(path);
      else paths.push(path);
    }
  };
  walk("");
  return paths.sort();
}

/** Why an entry that looks like a note or a folder is not read, or null for anything else (an image, say). */
function leftOut(entry: Dirent, absolute: string, named: boolean): string | null {
  if (entry.isSymbolicLink()) {
    let target: Stats | undefined;
    try {
      target = statSync(absolute, { throwIfNoEntry: false });
    } catch {
      target = undefined;
    }
    if (named || target?.isDirectory()) return `is a symbolic link, which is not followed (only regular files and folders inside the vault are read); ${target?.isDirectory() ? "the notes it leads to are" : "it is"} left out`;
    return null;
  }
  return named ? "is not a regular file (a FIFO, a device or a socket), so it is not read" : null;
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.trim() ?? message;
}

/** `at line 7, column 8 (reason)`, counted in the note itself: `before` is the note's text up to its frontmatter. */
function yamlErrorWhere(error: unknown, before: string, yaml: string): string {
  // js-yaml's YAMLException carries a mark; its class is not in the typings' ES module view.
  const { mark, reason } = (error ?? {}) as { mark?: { position: number }; reason?: string };
  if (mark && reason) {
    const { line, column } = lineAndColumn(before + yaml, before.length + mark.position);
    return `at line ${line}, column ${column} (${reason})`;
  }
  return `(${error instanceof Error ? firstLine(error.message) : String(error)})`;
}

/**
 * Frontmatter that is not flat (see flat-frontmatter.ts): js-yaml 4 reads the text between the
 * `---` lines that noteLayout found, the split Obsidian makes. The core schema keeps `2020-03-09`
 * as text, as Obsidian does. (gray-matter used to split it again and bundled a second js-yaml,
 * version 3, which also accepts YAML that Obsidian rejects, such as `tags: [, x]`.)
 */
function parseYamlFrontmatter(path: string, yaml: string, before: () => string, warnings: NoteWarning[]): Record<string, unknown> | null {
  try {
    // Empty, `~` or only comments: no properties, as an empty frontmatter has.
    const data: unknown = loadYaml(yaml, { schema: CORE_SCHEMA }) ?? {};
    if (isPlainObject(data)) return data;
    warnings.push({ path, message: "frontmatter is not a set of properties (it is a list or a single value); its properties are ignored" });
  } catch (error) {
    warnings.push({ path, message: `frontmatter is not valid YAML ${yamlErrorWhere(error, before(), yaml)}; the note is kept without properties` });
  }
  return null;
}

/** Shared by the many notes without inline tags: one array fewer per note to keep. */
const NO_INLINE_TAGS: readonly string[] = Object.freeze([]);

/** One note: its record, and the problems found in it. */
export function parseNote(path: string, text: string): { record: NoteRecord; warnings: NoteWarning[] } {
  const warnings: NoteWarning[] = [];
  return { record: parseNoteBytes(path, Buffer.from(text, "utf8"), warnings), warnings };
}

/** One note from its bytes, which it does not keep (the reader reuses its buffer); its problems go to `warnings`. */
export function parseNoteBytes(path: string, bytes: Buffer, warnings: NoteWarning[]): NoteRecord {
  const layout = noteLayout(bytes);
  let frontmatter: Record<string, unknown> | null = null;
  const unopened = unopenedFrontmatter(bytes, layout);
  if (unopened) warnings.push({ path, message: unopened });
  if (layout.frontmatter === "unclosed") {
    warnings.push({ path, message: "frontmatter is opened with --- but never closed; Obsidian reads no properties from it" });
  } else if (layout.frontmatter) {
    const yaml = bytes.toString("utf8", layout.frontmatter.start, layout.frontmatter.end);
    const { start } = layout.frontmatter;
    frontmatter = readFlatFrontmatter(yaml) ?? parseYamlFrontmatter(path, yaml, () => bytes.toString("utf8", layout.textStart, start), warnings);
  }
  const tags = mayHoldInlineTag(bytes, layout.bodyStart) ? inlineTags(bytes.toString("utf8", layout.bodyStart)) : NO_INLINE_TAGS;
  const frontmatterSize = layout.frontmatter === null || layout.frontmatter === "unclosed" ? 0 : layout.frontmatter.end - layout.frontmatter.start;
  return { path, frontmatter, inlineTags: tags, frontmatterSize };
}

/** Notes above this size get a buffer of their own; below it the reader reuses one. */
const SCRATCH_BYTES = 1 << 20;

/** A note larger than this is left out with a warning: a 16 GB file (sparse, or a device behind a name) must not stop the run. */
export const MAX_NOTE_BYTES = 64 << 20;

export function readVault(vaultDir: string, options: ReadOptions = {}): VaultRead {
  const records: NoteRecord[] = [];
  const queryBlocks: QueryBlockInNote[] = [];
  const languages = options.languages ?? ["query"];
  const warnings: NoteWarning[] = [];
  const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  const paths = listMarkdownFiles(vaultDir, warnings);
  // The folder's path once, normalized as join does: path.join per note was 5% of the catalogue's run.
  const folder = join(vaultDir, sep);
  let done = 0;
  for (const path of paths) {
    options.onProgress?.(done++, paths.length);
    let bytes: Buffer;
    try {
      // Regular files only, never through a link: the walk saw a file, but it may have been swapped since.
      bytes = readRegularFile(folder + path, { maxBytes: MAX_NOTE_BYTES, scratch });
    } catch (error) {
      if (!(error instanceof FileRefusal)) throw error;
      warnings.push({ path, message: error.message });
      continue;
    }
    if (!isUtf8(bytes)) {
      warnings.push({ path, message: "is not valid UTF-8; invalid bytes are shown as \uFFFD, as Obsidian does" });
    }
    if (options.queryBlocks) {
      const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
      if (languages.some((language) => text.includes(language))) {
        for (const block of findCodeBlocks(text, languages)) queryBlocks.push({ note: path, line: block.line, query: block.query });
      }
    }
    records.push(parseNoteBytes(path, bytes, warnings));
  }
  options.onProgress?.(paths.length, paths.length);
  return { records, queryBlocks, warnings };
}
