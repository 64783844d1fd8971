/**
 * A canonical dump of a vault index through its public lookups, so an index kept up to date
 * change by change can be compared with one rebuilt from scratch. Keys that must be empty are
 * looked up too (`probeTags`, `probeIds`), so stale entries left behind by a removal show.
 */
import { compareCodeUnits } from "../../src/core/order";
import { parentTagKeys } from "../../src/core/tags";
import type { VaultIndex } from "../../src/core/vault-index";

export interface IndexDump {
  notes: Record<string, { kind: string; techniqueIds: string[]; tagKeys: string[]; title: string }>;
  /** Tag key (and every parent key) → paths, as `pathsWithTag` answers; keys with no path are left out. */
  tags: Record<string, string[]>;
  techniques: Record<string, { rules: string[]; tests: string[]; notes: string[] }>;
  techniqueIdsWithNotes: string[];
  referencedTechniqueIds: string[];
  duplicates: Array<{ techniqueId: string; paths: string[] }>;
}

const sorted = (items: Iterable<string>): string[] => [...items].sort(compareCodeUnits);

export function dumpIndex(index: VaultIndex, probeTags: Iterable<string> = [], probeIds: Iterable<string> = []): IndexDump {
  const notes: IndexDump["notes"] = {};
  const tagKeys = new Set(probeTags);
  const ids = new Set([...probeIds, ...index.techniqueIdsWithNotes(), ...index.referencedTechniqueIds()]);
  for (const note of index.notes()) {
    notes[note.path] = { kind: note.kind, techniqueIds: [...note.techniqueIds], tagKeys: sorted(note.tagKeys), title: note.title };
    for (const key of note.tagKeys) [key, ...parentTagKeys(key)].forEach((tag) => tagKeys.add(tag));
    note.techniqueIds.forEach((id) => ids.add(id));
  }
  const tags: IndexDump["tags"] = {};
  for (const key of sorted(tagKeys)) {
    const paths = index.pathsWithTag(key);
    if (paths.size > 0) tags[key] = sorted(paths);
  }
  const techniques: IndexDump["techniques"] = {};
  for (const id of sorted(ids)) {
    const entry = { rules: sorted(index.rulesFor(id)), tests: sorted(index.testsFor(id)), notes: sorted(index.techniqueNotesFor(id)) };
    if (entry.rules.length + entry.tests.length + entry.notes.length > 0) techniques[id] = entry;
  }
  return {
    notes: Object.fromEntries(Object.entries(notes).sort(([a], [b]) => compareCodeUnits(a, b))),
    tags,
    techniques,
    techniqueIdsWithNotes: sorted(index.techniqueIdsWithNotes()),
    referencedTechniqueIds: sorted(index.referencedTechniqueIds()),
    duplicates: index.duplicateTechniqueNotes(),
  };
}
