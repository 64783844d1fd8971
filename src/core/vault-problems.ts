/** Problems the index itself can see: IDs claimed twice, technique notes without an ID, tags that are not tags, profiles that list no technique. */
import { MAX_TECHNIQUES_READ, techniqueListsPastCap, type IndexedNote } from "./classify";
import type { NoteWarning, VaultConventions } from "./note";
import { compareCodeUnits } from "./order";
import { frontmatterTagsValue, MAX_TAGS_READ, tagsPastCap } from "./tag-facts";
import { unusableTagValues } from "./tags";
import { unreadProfileEntries } from "./threat-profiles";
import { namesText } from "./wording";
import type { VaultIndex } from "./vault-index";

export function indexProblems(index: VaultIndex): NoteWarning[] {
  const problems: NoteWarning[] = [];
  // Once per technique, under its first note: a message per note naming every other would grow with the square of the notes.
  for (const { techniqueId, paths } of index.duplicateTechniqueNotes()) {
    const [first = "", ...others] = paths;
    const which = others.length === 1 ? `which ${others[0] ?? ""} also claims; both are kept` : `which ${others.length.toLocaleString("en-US")} other notes also claim (${namesText(others)}); all are kept`;
    problems.push({ path: first, message: `claims ${techniqueId}, ${which}` });
  }
  for (const note of index.notes()) {
    if (note.record.frontmatterProblem) problems.push({ path: note.path, message: note.record.frontmatterProblem });
    const tags = frontmatterTagsValue(note.record.frontmatter);
    const message = tags ? unusableTagsMessage(tags.key, tags.value) : null;
    if (message) problems.push({ path: note.path, message });
    addPastCapProblems(note, index.conventions, problems);
    if (note.kind === "technique" && note.techniqueIds.length === 0) {
      problems.push({
        path: note.path,
        message: `is tagged ${index.conventions.techniqueTag} but has no technique ID in its tags, its properties (${index.conventions.idProperties.join(", ")}) or its file name`,
      });
    }
    if (note.kind === "profile") problems.push(...profileProblems(note, index.conventions));
  }
  return problems.sort((a, b) => compareCodeUnits(a.path, b.path));
}

/** `tags holds a list and a map, which Obsidian does not read as tags; they are ignored`, or null when every value is a tag. */
function unusableTagsMessage(key: string, value: unknown): string | null {
  const unusable = unusableTagValues(value);
  if (unusable.length === 0) return null;
  if (!Array.isArray(value)) return `${key} is ${namesText(unusable)}, which Obsidian does not read as a tag; it is ignored`;
  const plural = unusable.length > 1;
  return `${key} holds ${namesText(unusable)}, which Obsidian does not read as ${plural ? "tags; they are" : "a tag; it is"} ignored`;
}

/** Tags and technique lists the index read only the start of (see MAX_TAGS_READ, MAX_TECHNIQUES_READ). */
function addPastCapProblems(note: IndexedNote, conventions: VaultConventions, problems: NoteWarning[]): void {
  if (tagsPastCap(note.record.frontmatter, note.record.inlineTags)) {
    problems.push({ path: note.path, message: `has more than ${count(MAX_TAGS_READ)} distinct tags; only the first ${count(MAX_TAGS_READ)} are read` });
  }
  for (const name of techniqueListsPastCap(note.record, note.kind, conventions)) {
    problems.push({ path: note.path, message: `lists more than ${count(MAX_TECHNIQUES_READ)} values in ${name}; only the first ${count(MAX_TECHNIQUES_READ)} are read` });
  }
}

const count = (n: number): string => n.toLocaleString("en-US");

/** A threat profile that lists nothing, or lists what is no technique ID: both are ignored, so the user is told. */
function profileProblems(note: IndexedNote, conventions: VaultConventions): NoteWarning[] {
  const property = conventions.profileTechniquesProperty;
  const problems: NoteWarning[] = [];
  const unread = unreadProfileEntries(note, property);
  if (unread.length > 0) {
    const quoted = unread.map((entry) => `"${entry.length > 40 ? `${entry.slice(0, 40)}…` : entry}"`);
    problems.push({ path: note.path, message: `lists ${namesText(quoted)} in ${property}, which ${unread.length === 1 ? "is no technique ID; it is" : "are no technique IDs; they are"} ignored` });
  }
  if (note.techniqueIds.length === 0) {
    problems.push({ path: note.path, message: `is tagged ${conventions.profileTag} but lists no technique ID in its ${property} property` });
  }
  return problems;
}
