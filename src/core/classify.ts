/**
 * What a note is (technique, rule, test or other) and what it says about techniques,
 * decided from its tags, properties and file name alone.
 */
import type { NoteRecord, VaultConventions } from "./note";
import { noteTagFacts } from "./tag-facts";
import { tagKey } from "./tags";
import { parseTechniqueId, techniqueIdAtStartOf } from "./technique-id";
import { tacticsFromProperty, type Tactic } from "./tactics";

export type NoteKind = "technique" | "rule" | "test" | "other";

export interface IndexedNote {
  record: NoteRecord;
  path: string;
  kind: NoteKind;
  /** Unique tag keys (lower case, no `#`), frontmatter and inline. */
  tagKeys: string[];
  /** A technique note's own ID first; for rules and tests, the techniques they cover. */
  techniqueIds: string[];
  /** A technique's name, a rule's title, or the file's base name. */
  title: string;
  tactics: Tactic[];
  platforms: string[];
  /** Sigma level, lower case: informational, low, medium, high, critical. */
  level: string | null;
  status: string | null;
  logSource: string | null;
}

export function fileBaseName(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name;
}

function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** A list property, or a comma-separated string. */
export function listProperty(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => (scalarText(item) ?? "").split(",")).map((text) => text.trim()).filter(Boolean);
}

function property(frontmatter: Readonly<Record<string, unknown>> | null, names: readonly string[]): unknown {
  if (!frontmatter) return undefined;
  for (const name of names) if (frontmatter[name] !== undefined && frontmatter[name] !== null) return frontmatter[name];
  return undefined;
}

/** `Command and Scripting Interpreter- PowerShell` → `Command and Scripting Interpreter: PowerShell`. */
function techniqueNameFromFileName(baseName: string): string {
  const withoutId = baseName.replace(/^t\d{4}(?:[._-]\d{3})?\s*-\s*/i, "");
  return withoutId.replace(/(\w)- /, "$1: ");
}

function uniqueIds(texts: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (const text of texts) {
    const id = parseTechniqueId(text);
    if (id) ids.add(id);
  }
  return [...ids];
}

export function classifyNote(record: NoteRecord, conventions: VaultConventions): IndexedNote {
  const frontmatter = record.frontmatter;
  const tagFacts = noteTagFacts(frontmatter, record.inlineTags);
  const tagKeys: string[] = [];
  const idsFromTags: string[] = [];
  for (const facts of tagFacts) {
    if (!tagKeys.includes(facts.key)) tagKeys.push(facts.key);
    if (facts.techniqueId && !idsFromTags.includes(facts.techniqueId)) idsFromTags.push(facts.techniqueId);
  }
  const has = (tag: string): boolean => tagKeys.includes(tagKey(tag));
  const kind: NoteKind = has(conventions.ruleTag)
    ? "rule"
    : has(conventions.testTag)
      ? "test"
      : has(conventions.techniqueTag)
        ? "technique"
        : "other";
  const baseName = fileBaseName(record.path);
  const note: IndexedNote = {
    record,
    path: record.path,
    kind,
    tagKeys,
    techniqueIds: [],
    title: scalarText(property(frontmatter, ["title", "name"])) ?? baseName,
    tactics: [],
    platforms: listProperty(property(frontmatter, ["platforms", "platform", "supported_platforms"])),
    level: scalarText(property(frontmatter, ["level"]))?.toLowerCase() ?? null,
    status: scalarText(property(frontmatter, ["status"])),
    logSource: null,
  };
  if (kind === "technique") {
    const ownId =
      idsFromTags[0] ??
      uniqueIds(conventions.idProperties.map((name) => scalarText(property(frontmatter, [name])) ?? ""))[0] ??
      techniqueIdAtStartOf(baseName);
    note.techniqueIds = ownId ? [ownId] : [];
    note.tactics = tacticsFromProperty(property(frontmatter, ["tactics", "tactic"]));
    if (note.title === baseName) note.title = techniqueNameFromFileName(baseName);
  } else if (kind === "rule" || kind === "test") {
    note.techniqueIds = idsFromTags;
    for (const name of conventions.techniqueListProperties) {
      const value = frontmatter?.[name];
      if (value === undefined || value === null) continue;
      for (const id of uniqueIds(listProperty(value))) if (!note.techniqueIds.includes(id)) note.techniqueIds.push(id);
    }
    note.logSource = logSourceOf(frontmatter);
  }
  return note;
}

function logSourceOf(frontmatter: Readonly<Record<string, unknown>> | null): string | null {
  if (!frontmatter) return null;
  const nested = frontmatter.logsource;
  const parts =
    nested && typeof nested === "object" && !Array.isArray(nested)
      ? [(nested as Record<string, unknown>).product, (nested as Record<string, unknown>).category, (nested as Record<string, unknown>).service]
      : [frontmatter.logsrc_product, frontmatter.logsrc_category, frontmatter.logsrc_service];
  const texts = parts.map(scalarText).filter((text): text is string => text !== null);
  return texts.length > 0 ? texts.join(" / ") : null;
}
