/**
 * What a note is (technique, rule, test or other) and what it says about techniques,
 * decided from its tags, properties and file name alone.
 */
import { techniqueName } from "./attack-catalogue";
import type { NoteRecord, VaultConventions } from "./note";
import { isPlainObject } from "./plain-object";
import { noteTagFactsInto, type TagFacts } from "./tag-facts";
import { ScratchList } from "./scratch-list";
import { tagKey } from "./tags";
import { parseTechniqueId, techniqueIdAtStartOf } from "./technique-id";
import { tacticsFromProperty, type Tactic } from "./tactics";

export type NoteKind = "technique" | "rule" | "test" | "profile" | "other";

/** What a note's tags, properties and file name say: its kind, tag keys and technique IDs. */
export interface NoteClassification {
  kind: NoteKind;
  /** Unique tag keys (lower case, no `#`), frontmatter and inline. */
  tagKeys: readonly string[];
  /** A technique note's own ID first; for rules and tests, the techniques they cover; for a threat profile, those it lists. */
  techniqueIds: readonly string[];
}

/**
 * A note as the index keeps it: its record and kind. Everything else is worked out from the record
 * when asked for: its tag keys and technique IDs (the index files them when it builds, and asks
 * again only to take a note out), and what only a shown row needs (title, tactics, platforms,
 * Sigma fields). A vault has tens of thousands of rules and a session shows a few; two arrays
 * kept per note were a third of the first build's memory, and their copying by the garbage
 * collector a third of its time (bench target 4). A record is a value that is never changed in
 * place, so asking again gives what was filed.
 */
export class IndexedNote {
  private classified: NoteClassification | undefined;

  constructor(
    readonly record: NoteRecord,
    readonly kind: NoteKind,
    private readonly conventions: VaultConventions,
    classification?: NoteClassification,
  ) {
    this.classified = classification;
  }

  get tagKeys(): readonly string[] {
    return this.classification().tagKeys;
  }

  get techniqueIds(): readonly string[] {
    return this.classification().techniqueIds;
  }

  private classification(): NoteClassification {
    return (this.classified ??= classifyRecord(this.record, this.conventions));
  }

  /** What a row shows, worked out from the record the first time a row asks. */
  private details: NoteDetails | undefined = undefined;

  get path(): string {
    return this.record.path;
  }

  /** A technique's name, a rule's title, or the file's base name. */
  get title(): string {
    return this.shown().title;
  }

  get tactics(): readonly Tactic[] {
    return this.shown().tactics;
  }

  get platforms(): readonly string[] {
    return this.shown().platforms;
  }

  /** Sigma level, lower case: informational, low, medium, high, critical. */
  get level(): string | null {
    return this.shown().level;
  }

  get status(): string | null {
    return this.shown().status;
  }

  get logSource(): string | null {
    return this.shown().logSource;
  }

  private shown(): NoteDetails {
    return (this.details ??= detailsOf(this.record, this.kind, this.techniqueIds[0]));
  }
}

interface NoteDetails {
  title: string;
  tactics: readonly Tactic[];
  platforms: readonly string[];
  level: string | null;
  status: string | null;
  logSource: string | null;
}

function detailsOf(record: NoteRecord, kind: NoteKind, ownId: string | undefined): NoteDetails {
  const frontmatter = record.frontmatter;
  const baseName = fileBaseName(record.path);
  const titled = scalarText(property(frontmatter, TITLE_PROPERTIES));
  return {
    title: titled ?? (kind === "technique" ? techniqueTitle(ownId, baseName) : baseName),
    tactics: kind === "technique" ? tacticsFromProperty(property(frontmatter, TACTIC_PROPERTIES)) : [],
    platforms: listProperty(property(frontmatter, PLATFORM_PROPERTIES)),
    level: scalarText(property(frontmatter, LEVEL_PROPERTIES))?.toLowerCase() ?? null,
    status: scalarText(property(frontmatter, STATUS_PROPERTIES)),
    logSource: kind === "rule" || kind === "test" ? logSourceOf(frontmatter) : null,
  };
}

const TITLE_PROPERTIES = ["title", "name"];
const TACTIC_PROPERTIES = ["tactics", "tactic"];
const PLATFORM_PROPERTIES = ["platforms", "platform", "supported_platforms"];
const LEVEL_PROPERTIES = ["level"];
const STATUS_PROPERTIES = ["status"];
const NO_IDS: readonly string[] = Object.freeze([]);

export function fileBaseName(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name;
}

function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** A list property, or a comma-separated string: its first `limit` texts. */
export function listProperty(value: unknown, limit = Infinity): string[] {
  const texts: string[] = [];
  if (value === undefined || value === null) return texts;
  for (const item of Array.isArray(value) ? value : [value]) {
    for (const part of (scalarText(item) ?? "").split(",")) {
      const text = part.trim();
      if (text === "") continue;
      if (texts.length >= limit) return texts;
      texts.push(text);
    }
  }
  return texts;
}

/**
 * How many values of a property listing techniques (a rule's, a test's, a profile's) the index
 * reads. ATT&CK has under a thousand technique IDs; a rule naming 110,000 cost 300 ms to index and
 * 100 ms to report (bench target 10). A note past it is a vault problem (see techniqueListsPastCap).
 */
export const MAX_TECHNIQUES_READ = 5_000;

/** The technique-list properties of a note of this kind that hold more than MAX_TECHNIQUES_READ values. */
export function techniqueListsPastCap(record: NoteRecord, kind: NoteKind, conventions: VaultConventions): string[] {
  const names = kind === "rule" || kind === "test" ? conventions.techniqueListProperties : kind === "profile" ? [conventions.profileTechniquesProperty] : [];
  return names.filter((name) => {
    const value = record.frontmatter?.[name];
    return mostTextsIn(value) > MAX_TECHNIQUES_READ && listProperty(value, MAX_TECHNIQUES_READ + 1).length > MAX_TECHNIQUES_READ;
  });
}

/**
 * The most texts listProperty could find in a value, from lengths alone (a text and its comma take
 * two characters): problems are listed for every note, and only a value that could pass the cap is
 * split again to check it.
 */
function mostTextsIn(value: unknown): number {
  const most = (item: unknown): number => (typeof item === "string" ? Math.ceil((item.length + 1) / 2) : 1);
  if (!Array.isArray(value)) return most(value);
  let total = 0;
  for (const item of value) total += most(item);
  return total;
}

function property(frontmatter: Readonly<Record<string, unknown>> | null, names: readonly string[]): unknown {
  if (!frontmatter) return undefined;
  for (const name of names) if (frontmatter[name] !== undefined && frontmatter[name] !== null) return frontmatter[name];
  return undefined;
}

/**
 * A technique note's name without a `title` property: ATT&CK's, when the shipped release knows the
 * ID, since file names cannot hold `/` (`Scheduled Task_Job` is ATT&CK's `Scheduled Task/Job`);
 * otherwise the file name's.
 */
function techniqueTitle(id: string | undefined, baseName: string): string {
  return (id ? techniqueName(id) : null) ?? techniqueNameFromFileName(baseName);
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

/** A note as the index keeps it, with what its record says worked out already. */
export function classifyNote(record: NoteRecord, conventions: VaultConventions): IndexedNote {
  const classification = classifyRecord(record, conventions);
  return new IndexedNote(record, classification.kind, conventions, classification);
}

export function classifyRecord(record: NoteRecord, conventions: VaultConventions): NoteClassification {
  const scratch = new ClassificationScratch();
  const kind = classifyInto(record, conventions, scratch);
  return { kind, tagKeys: scratch.tagKeys.toArray(), techniqueIds: scratch.techniqueIds.size > 0 ? scratch.techniqueIds.toArray() : NO_IDS };
}

/**
 * Lists one classification fills and the next empties. The first build classifies every note and
 * files what it found at once, so it reuses one of these rather than allocating a classification
 * per note: dropping those allocations took bench target 4 from 6.0× to 4.5×.
 */
export class ClassificationScratch {
  /** Unique tag keys (lower case, no `#`), frontmatter and inline. */
  readonly tagKeys = new ScratchList<string>();
  /** As NoteClassification's techniqueIds. */
  readonly techniqueIds = new ScratchList<string>();
  readonly facts = new ScratchList<TagFacts>();
}

/** classifyRecord into the scratch's lists; returns the kind. */
export function classifyInto(record: NoteRecord, conventions: VaultConventions, scratch: ClassificationScratch): NoteKind {
  const frontmatter = record.frontmatter;
  const { tagKeys, techniqueIds: ids, facts } = scratch;
  noteTagFactsInto(frontmatter, record.inlineTags, facts);
  // One pass over the (memoised) facts: the unique tag keys in order, and the technique IDs they spell.
  tagKeys.clear();
  ids.clear();
  for (let position = 0; position < facts.size; position++) {
    const fact = facts.at(position);
    tagKeys.pushUnique(fact.key);
    if (fact.techniqueId !== null) ids.pushUnique(fact.techniqueId);
  }
  const kind = kindOf(tagKeys, conventions);
  if (kind === "technique") {
    const ownId =
      ids.size > 0
        ? ids.at(0)
        : (uniqueIds(conventions.idProperties.map((name) => scalarText(property(frontmatter, [name])) ?? ""))[0] ?? techniqueIdAtStartOf(fileBaseName(record.path)));
    ids.clear();
    if (ownId) ids.push(ownId);
  } else if (kind === "rule" || kind === "test") {
    for (const name of conventions.techniqueListProperties) {
      const value = frontmatter?.[name];
      if (value !== undefined && value !== null) for (const id of uniqueIds(listProperty(value, MAX_TECHNIQUES_READ))) ids.pushUnique(id);
    }
  } else {
    ids.clear();
    // A profile's IDs come from its property only, so that what the plugin counts is what the note lists.
    if (kind === "profile") for (const id of uniqueIds(listProperty(frontmatter?.[conventions.profileTechniquesProperty], MAX_TECHNIQUES_READ))) ids.push(id);
  }
  return kind;
}

function kindOf(tagKeys: ScratchList<string>, conventions: VaultConventions): NoteKind {
  const keys = kindKeysOf(conventions);
  if (tagKeys.has(keys.rule)) return "rule";
  if (tagKeys.has(keys.test)) return "test";
  if (tagKeys.has(keys.technique)) return "technique";
  // Last, so a note the other tags already classify keeps its kind.
  if (tagKeys.has(keys.profile)) return "profile";
  return "other";
}

/** The kinds' tag keys, lower-cased once per conventions object rather than three times per note. */
const kindKeysCache = new WeakMap<VaultConventions, KindKeys>();

interface KindKeys {
  rule: string;
  test: string;
  technique: string;
  profile: string;
}

function kindKeysOf(conventions: VaultConventions): KindKeys {
  let keys = kindKeysCache.get(conventions);
  if (!keys) {
    keys = { rule: tagKey(conventions.ruleTag), test: tagKey(conventions.testTag), technique: tagKey(conventions.techniqueTag), profile: tagKey(conventions.profileTag) };
    kindKeysCache.set(conventions, keys);
  }
  return keys;
}

function logSourceOf(frontmatter: Readonly<Record<string, unknown>> | null): string | null {
  if (!frontmatter) return null;
  const nested = frontmatter.logsource;
  const parts =
    isPlainObject(nested)
      ? [nested.product, nested.category, nested.service]
      : [frontmatter.logsrc_product, frontmatter.logsrc_category, frontmatter.logsrc_service];
  const texts = parts.map(scalarText).filter((text): text is string => text !== null);
  return texts.length > 0 ? texts.join(" / ") : null;
}
