/**
 * The one index both fronts read: notes by path, tag → notes, technique → rule,
 * test and technique notes. Incremental; every change says what it touched so a UI
 * redraws only what is affected.
 */
import { ClassificationScratch, classifyInto, IndexedNote, type NoteKind } from "./classify";
import { DEFAULT_CONVENTIONS, type NoteRecord, type VaultConventions } from "./note";
import type { QuerySource } from "./query/ast";
import { propertyWorkLimit } from "./query/note-view";
import { PathPostings } from "./path-postings";
import { INDEXED_PARENT_DEPTH, parentTagKeys, tagMatches, trimSlashes } from "./tags";
import { parseTechniqueId } from "./technique-id";
import { countedCoverage, subTechniquesByParent, type CoverageStatus } from "./coverage";
import { resolveProfiles } from "./threat-profiles";

/** What one or more index updates touched: the old and the new side of every note. */
export interface IndexChange {
  paths: Set<string>;
  tagKeys: Set<string>;
  techniqueIds: Set<string>;
  /** The whole index was rebuilt (first build, new settings): everything may differ. */
  everything: boolean;
}

export function emptyChange(everything = false): IndexChange {
  return { paths: new Set(), tagKeys: new Set(), techniqueIds: new Set(), everything };
}

export function isEmptyChange(change: IndexChange): boolean {
  return !change.everything && change.paths.size === 0;
}

export function mergeChange(into: IndexChange, from: IndexChange): IndexChange {
  into.everything ||= from.everything;
  from.paths.forEach((path) => into.paths.add(path));
  from.tagKeys.forEach((key) => into.tagKeys.add(key));
  from.techniqueIds.forEach((id) => into.techniqueIds.add(id));
  return into;
}

const NO_PATHS: ReadonlySet<string> = new Set();

/** A list or a ScratchList: what a change record copies from. */
interface Each<T> {
  forEach(visit: (item: T) => void): void;
}

/** Parent tag key → nested tag keys below it that some note carries: few keys, read on every nested query. */
type KeysByParent = Map<string, Set<string>>;

function addTo(map: KeysByParent, parent: string, key: string): void {
  let keys = map.get(parent);
  if (!keys) map.set(parent, (keys = new Set()));
  keys.add(key);
}

function removeFrom(map: KeysByParent, parent: string, key: string): void {
  const keys = map.get(parent);
  if (!keys) return;
  keys.delete(key);
  if (keys.size === 0) map.delete(parent);
}

export class VaultIndex implements QuerySource {
  /** Moves on every change that touched something; views redraw only when it moved. */
  revision = 0;
  readonly conventions: VaultConventions;
  /** The left-out folders without leading or trailing slashes. */
  private readonly excludedFolders: ReadonlySet<string>;
  private readonly notesByPath = new Map<string, IndexedNote>();
  private readonly pathsByTag = new PathPostings();
  private readonly nestedTagKeys: KeysByParent = new Map();
  // Postings, not a Set per technique: a build appends, and only what is read becomes a Set (see PathPostings).
  private readonly rulesByTechnique = new PathPostings();
  private readonly testsByTechnique = new PathPostings();
  private readonly techniqueNotesById = new PathPostings();
  private readonly profilesByTechnique = new PathPostings();
  private readonly profiles = new Set<string>();
  /** What insert classified last; reused note after note (see ClassificationScratch). */
  private readonly scratch = new ClassificationScratch();
  /** Moves whenever a threat profile note is added, changed or removed, so lists of profiles are made again only then. */
  profileRevision = 0;

  constructor(conventions: VaultConventions = DEFAULT_CONVENTIONS) {
    this.conventions = conventions;
    this.excludedFolders = new Set(conventions.excludedFolders.map((folder) => trimSlashes(folder, true)).filter((folder) => folder !== ""));
  }

  get size(): number {
    return this.notesByPath.size;
  }

  isExcluded(path: string): boolean {
    // The path's folders are looked up, not every left-out folder compared with every path.
    if (this.excludedFolders.size === 0) return false;
    for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
      if (this.excludedFolders.has(path.slice(0, slash))) return true;
    }
    return this.excludedFolders.has(path);
  }

  upsert(record: NoteRecord): IndexChange {
    const change = this.notesByPath.has(record.path) ? this.remove(record.path) : emptyChange();
    if (this.insert(record)) this.touch(change, record.path, this.scratch);
    return change;
  }

  /**
   * Many notes at once, as a first build from the metadata cache or a folder does: the same
   * index as upserting each, without a change record per note that nobody reads.
   *
   * What bench target 4 taught (against a loop that only files paths under tags): a throwaway
   * prototype reached 2.8× that loop with a note kept as a small record, integer postings and
   * kinds and IDs from memoised tag facts. Garbage collection copying what is kept per note was
   * half the build, so a note keeps only its record and kind (10-16× down to 6×). Measured apart
   * later (30×, 112k notes, the loop 30 ms): the path → note map alone 40 ms, classifying every
   * note from memoised facts 35 ms, filing tag keys 37 ms with paths and 46 ms with integer note
   * IDs (so integer postings do not pay: a path is already a pointer), technique postings 12 ms;
   * together, without note objects, 208 ms. No one part is the cost. Classifying into reused
   * lists (ClassificationScratch) cut what a build allocates from about 119 to 33 MB and its
   * collection pauses from about 55 to 12 ms, and the ratio from 6.0× to 4.5×. What is left: the
   * loop with nothing but a path → record Map beside it is already 2.6× the loop (the Map touches
   * every path's memory, which the loop never reads), and classifying alone 1.6×: those two pass
   * 3× before a single posting is filed. A line-level profile of this build (100 µs sampling, 112k
   * notes) puts 100 of its 180 ms on the path → note Map's `has` below and `set` in insert:
   * cache misses in a table of 112k paths and in each path's memory. Skipping `has` on an empty
   * index only moved them to `set`.
   */
  load(records: Iterable<NoteRecord>): void {
    for (const record of records) {
      if (this.notesByPath.has(record.path)) this.remove(record.path);
      this.insert(record);
    }
    this.revision++;
  }

  /** Classifies the note into this.scratch and files it; false when its folder is left out. */
  private insert(record: NoteRecord): boolean {
    if (this.isExcluded(record.path)) return false;
    const kind = classifyInto(record, this.conventions, this.scratch);
    // The note keeps no copy of what is filed here: it works it out again from its record if asked.
    this.notesByPath.set(record.path, new IndexedNote(record, kind, this.conventions));
    this.file(record.path, kind, this.scratch);
    return true;
  }

  private file(path: string, kind: NoteKind, { tagKeys, techniqueIds }: ClassificationScratch): void {
    for (let position = 0; position < tagKeys.size; position++) {
      const key = tagKeys.at(position);
      if (this.pathsByTag.add(key, path)) for (const parent of parentTagKeys(key)) addTo(this.nestedTagKeys, parent, key);
    }
    const byTechnique = this.techniqueMapFor(kind);
    if (byTechnique) for (let position = 0; position < techniqueIds.size; position++) byTechnique.add(techniqueIds.at(position), path);
    if (kind === "profile") {
      this.profiles.add(path);
      this.profileRevision++;
    }
  }

  remove(path: string): IndexChange {
    const change = emptyChange();
    const note = this.notesByPath.get(path);
    if (!note) return change;
    this.notesByPath.delete(path);
    for (const key of note.tagKeys) {
      if (this.pathsByTag.remove(key, path)) for (const parent of parentTagKeys(key)) removeFrom(this.nestedTagKeys, parent, key);
    }
    const byTechnique = this.techniqueMapFor(note.kind);
    if (byTechnique) for (const id of note.techniqueIds) byTechnique.remove(id, path);
    if (this.profiles.delete(path)) this.profileRevision++;
    this.touch(change, path, note);
    return change;
  }

  /** A rename keeps the note's content; its file name may carry its technique ID. */
  rename(from: string, to: string): IndexChange {
    const note = this.notesByPath.get(from);
    const change = this.remove(from);
    if (note) mergeChange(change, this.upsert({ ...note.record, path: to }));
    return change;
  }

  get(path: string): IndexedNote | undefined {
    return this.notesByPath.get(path);
  }

  notes(): IterableIterator<IndexedNote> {
    return this.notesByPath.values();
  }

  allPaths(): Iterable<string> {
    return this.notesByPath.keys();
  }

  pathsWithTag(tagKey: string): ReadonlySet<string> {
    const exact = this.pathsByTag.get(tagKey);
    // Keys are filed under their first INDEXED_PARENT_DEPTH parents; a deeper tag filters the keys below its deepest such parent.
    const parents = parentTagKeys(tagKey);
    const deep = parents.length === INDEXED_PARENT_DEPTH;
    const nested = this.nestedTagKeys.get(deep ? (parents[INDEXED_PARENT_DEPTH - 1] as string) : tagKey);
    if (!nested) return exact ?? NO_PATHS;
    const paths = new Set(exact);
    for (const key of nested) {
      if (deep && (key === tagKey || !tagMatches(key, tagKey))) continue;
      this.pathsByTag.get(key)?.forEach((path) => paths.add(path));
    }
    return paths;
  }

  /**
   * Notes that name a technique (canonical ID): its technique notes, rules and tests (by tag, ID
   * property or file name), and any other note with a tag that spells it (`#T1059_001`,
   * `#attack/t1059/001`). Reads every tag key once: a query's cost, not a per-note one.
   */
  pathsWithTechnique(techniqueId: string): ReadonlySet<string> {
    const paths = new Set([...this.rulesFor(techniqueId), ...this.testsFor(techniqueId), ...this.techniqueNotesFor(techniqueId)]);
    for (const key of this.pathsByTag.keys()) {
      if (parseTechniqueId(key) === techniqueId) this.pathsByTag.get(key)?.forEach((path) => paths.add(path));
    }
    return paths;
  }

  /** The technique notes of the techniques the threat profiles a name, ATT&CK ID or alias stands for list (`profile:` terms). */
  profileTechniqueNotes(name: string): ReadonlySet<string> {
    const paths = new Set<string>();
    for (const id of resolveProfiles(this, [name]).techniqueIds) this.techniqueNotesFor(id).forEach((path) => paths.add(path));
    return paths;
  }

  /** A technique note's counted coverage with this rollup (`coverage:` terms); the sub-technique map is built once per lookup. */
  coverageLookup(rollup: boolean): (path: string) => CoverageStatus | null {
    let subsByParent: Map<string, string[]> | null = null;
    return (path) => {
      const note = this.notesByPath.get(path);
      const id = note?.kind === "technique" ? note.techniqueIds[0] : undefined;
      if (!id) return null;
      subsByParent ??= subTechniquesByParent(this);
      return countedCoverage(this, id, rollup, subsByParent).counted.status;
    };
  }

  /** Tag key → how many notes carry it exactly (nested tags counted under their own key). */
  tagCounts(): Map<string, number> {
    return this.pathsByTag.counts();
  }

  propertiesOf(path: string): Readonly<Record<string, unknown>> | null {
    return this.notesByPath.get(path)?.record.frontmatter ?? null;
  }

  propertyWorkLimit(path: string): number {
    return propertyWorkLimit(this.notesByPath.get(path)?.record.frontmatterSize);
  }

  rulesFor(techniqueId: string): ReadonlySet<string> {
    return this.rulesByTechnique.get(techniqueId) ?? NO_PATHS;
  }

  testsFor(techniqueId: string): ReadonlySet<string> {
    return this.testsByTechnique.get(techniqueId) ?? NO_PATHS;
  }

  techniqueNotesFor(techniqueId: string): ReadonlySet<string> {
    return this.techniqueNotesById.get(techniqueId) ?? NO_PATHS;
  }

  /** Threat profile notes that list the technique (exactly this ID). */
  profilesFor(techniqueId: string): ReadonlySet<string> {
    return this.profilesByTechnique.get(techniqueId) ?? NO_PATHS;
  }

  /** Every technique ID some threat profile lists, each with the profiles listing it. */
  *profiledTechniques(): IterableIterator<[string, ReadonlySet<string>]> {
    for (const id of this.profilesByTechnique.keys()) {
      const paths = this.profilesByTechnique.get(id);
      if (paths) yield [id, paths];
    }
  }

  /** Every threat profile note's path. */
  profilePaths(): ReadonlySet<string> {
    return this.profiles;
  }

  /** Every technique ID that has a technique note. */
  techniqueIdsWithNotes(): IterableIterator<string> {
    return this.techniqueNotesById.keys();
  }

  /** Every technique ID that some rule or test note names, with or without a technique note. */
  referencedTechniqueIds(): Set<string> {
    const ids = new Set(this.rulesByTechnique.keys());
    for (const id of this.testsByTechnique.keys()) ids.add(id);
    return ids;
  }

  /** Technique IDs claimed by more than one technique note, with the notes (sorted). */
  duplicateTechniqueNotes(): Array<{ techniqueId: string; paths: string[] }> {
    const duplicates: Array<{ techniqueId: string; paths: string[] }> = [];
    for (const [techniqueId, count] of this.techniqueNotesById.counts()) {
      if (count > 1) duplicates.push({ techniqueId, paths: [...this.techniqueNotesFor(techniqueId)].sort() });
    }
    return duplicates.sort((a, b) => (a.techniqueId < b.techniqueId ? -1 : 1));
  }

  private techniqueMapFor(kind: IndexedNote["kind"]): PathPostings | null {
    if (kind === "rule") return this.rulesByTechnique;
    if (kind === "test") return this.testsByTechnique;
    if (kind === "technique") return this.techniqueNotesById;
    if (kind === "profile") return this.profilesByTechnique;
    return null;
  }

  private touch(change: IndexChange, path: string, { tagKeys, techniqueIds }: { tagKeys: Each<string>; techniqueIds: Each<string> }): void {
    this.revision++;
    change.paths.add(path);
    tagKeys.forEach((key) => change.tagKeys.add(key));
    techniqueIds.forEach((id) => change.techniqueIds.add(id));
  }
}
