/**
 * The panel's view beyond the vault's own notes, from the shipped ATT&CK release: techniques
 * the vault has no note for, techniques its rules and tests name without a note (with ATT&CK's
 * name for them), and notes on techniques ATT&CK revoked or deprecated. Folded by
 * default; a section's list is drawn when it is first opened.
 */
import type { AttackComparison } from "../core/attack-coverage";
import { missingSection, notInRelease, REFERENCED_SECTION, retiredText, ruleAndTestCounts, tacticsText } from "../core/coverage-words";
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
  const version = comparison.attack.version;
  if (missingTechniques.length > 0) {
    foldedSection(parent, "is-missing", `${missingSection(version).title} (${missingTechniques.length})`, (list) => {
      for (const technique of missingTechniques) {
        const item = list.createEl("li");
        item.createSpan({ cls: "attack-vault-technique-id", text: technique.id });
        item.appendText(` ${technique.name}`);
        item.createSpan({ cls: "attack-vault-muted", text: ` — ${tacticsText(technique.tactics)}` });
      }
    });
  }
  if (referencedWithoutNote.length > 0) {
    foldedSection(parent, "is-referenced", `${REFERENCED_SECTION.title} (${referencedWithoutNote.length})`, (list) => {
      for (const technique of referencedWithoutNote) {
        const item = list.createEl("li");
        item.createSpan({ cls: "attack-vault-technique-id", text: technique.id });
        item.appendText(` ${technique.name ?? notInRelease(version)}`);
        const first = technique.rules[0] ?? technique.tests[0];
        if (first) {
          item.appendText(` — ${ruleAndTestCounts(technique.rules.length, technique.tests.length)}, e.g. `);
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
        item.appendText(` names ${retired.id}: ${retiredText(retired.status, retired.replacedBy)}`);
      }
    });
  }
}
