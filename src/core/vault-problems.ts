/** Problems the index itself can see: IDs claimed twice, technique notes without an ID. */
import type { NoteWarning } from "./note";
import type { VaultIndex } from "./vault-index";

export function indexProblems(index: VaultIndex): NoteWarning[] {
  const problems: NoteWarning[] = [];
  for (const { techniqueId, paths } of index.duplicateTechniqueNotes()) {
    for (const path of paths) {
      const others = paths.filter((other) => other !== path).join(", ");
      problems.push({ path, message: `claims ${techniqueId}, which ${others} also claims; both are kept` });
    }
  }
  for (const note of index.notes()) {
    if (note.kind === "technique" && note.techniqueIds.length === 0) {
      problems.push({
        path: note.path,
        message: `is tagged ${index.conventions.techniqueTag} but has no technique ID in its tags, its properties (${index.conventions.idProperties.join(", ")}) or its file name`,
      });
    }
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
