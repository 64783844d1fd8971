/**
 * The panel's view beyond the vault's own notes, from the shipped ATT&CK release: techniques
 * the vault has no note for, techniques its rules and tests name without a note (with ATT&CK's
 * name for them), and notes on techniques ATT&CK revoked or deprecated. Folded by
 * default; a section's list is drawn when it is first opened.
 */
import type { AttackComparison } from "../core/attack-coverage";
import { createInternalLink } from "../obsidian/internal-links";

function foldedSection(parent: HTMLElement, cls: string, title: string, fill: (list: HTMLElement) => void): void {
  const details = parent.createEl("details", { cls: `attack-vault-attack-section ${cls}` });
  details.createEl("summary", { text: title });
  const list = details.createEl("ul");
  details.addEventListener("toggle", () => {
    if (details.open && list.childElementCount === 0) fill(list);
  });
}

export function renderAttackSections(parent: HTMLElement, comparison: AttackComparison): void {
  parent.empty();
  const { missingTechniques, revokedOrDeprecated, referencedWithoutNote } = comparison;
  if (missingTechniques.length > 0) {
    foldedSection(parent, "is-missing", `ATT&CK ${comparison.attack.version} techniques with no note (${missingTechniques.length})`, (list) => {
      for (const technique of missingTechniques) {
        const item = list.createEl("li");
        item.createSpan({ cls: "attack-vault-technique-id", text: technique.id });
        item.appendText(` ${technique.name}`);
        if (technique.tactics.length > 0) item.createSpan({ cls: "attack-vault-muted", text: ` — ${technique.tactics.join(", ")}` });
      }
    });
  }
  if (referencedWithoutNote.length > 0) {
    foldedSection(parent, "is-referenced", `Techniques that rules or tests name without a note (${referencedWithoutNote.length})`, (list) => {
      for (const technique of referencedWithoutNote) {
        const item = list.createEl("li");
        item.createSpan({ cls: "attack-vault-technique-id", text: technique.id });
        item.appendText(` ${technique.name ?? `(not in ATT&CK ${comparison.attack.version})`}`);
        const first = technique.rules[0] ?? technique.tests[0];
        if (first) {
          item.appendText(` — ${technique.rules.length} rules, ${technique.tests.length} tests, e.g. `);
          createInternalLink(item, first, first);
        }
      }
    });
  }
  if (revokedOrDeprecated.length > 0) {
    foldedSection(parent, "is-retired", `Notes on revoked or deprecated techniques (${revokedOrDeprecated.length})`, (list) => {
      for (const retired of revokedOrDeprecated) {
        const item = list.createEl("li");
        createInternalLink(item, retired.note, retired.note);
        const replaced = retired.replacedBy && retired.replacedBy.length > 0 ? `; use ${retired.replacedBy.join(", ")}` : "";
        item.appendText(` names ${retired.id}, which ATT&CK ${retired.status === "revoked" ? "revoked" : "deprecated"}${replaced}`);
      }
    });
  }
}
