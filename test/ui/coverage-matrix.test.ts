/** @jest-environment jsdom */
/** The panel's matrix: a group per tactic in ATT&CK order, rows with status and counts, sub-techniques folded under their parent. */
import { computeCoverage } from "../../src/core/coverage";
import { VaultIndex } from "../../src/core/vault-index";
import { renderMatrix, type MatrixState } from "../../src/ui/coverage-matrix";
import { rule, technique, test as atomicTest } from "../core/note-records";

function report(filter = {}) {
  const index = new VaultIndex();
  [
    technique("T1059", "Command and Scripting Interpreter"),
    technique("T1059.001", "PowerShell"),
    technique("T1059.003", "Windows Command Shell"),
    technique("T1547", "Boot or Logon Autostart Execution", { tactics: "Persistence, Privilege Escalation" }),
    rule("ps", ["t1059_001"]),
    atomicTest("autostart", ["T1547"]),
  ].forEach((note) => index.upsert(note));
  return computeCoverage(index, { rollup: true, filter });
}

const emptyState = (): MatrixState => ({ collapsedTactics: new Set(), expandedParents: new Set() });

function matrix(state = emptyState(), filter = {}): HTMLElement {
  const parent = document.body.createDiv();
  renderMatrix(parent, report(filter), state);
  return parent;
}

/** Each shown row as `ID status counts`. */
const rows = (el: HTMLElement): string[] =>
  Array.from(el.querySelectorAll<HTMLElement>(".attack-vault-technique"))
    .filter((row) => !row.closest(".is-collapsed"))
    .map((row) => `${row.dataset.technique} ${row.querySelector(".attack-vault-status-text")?.textContent} ${row.querySelector(".attack-vault-technique-counts")?.textContent}`);

afterEach(() => document.body.empty());

describe("renderMatrix", () => {
  test("one group per tactic in ATT&CK order, headed by its counts, sub-techniques counted", () => {
    const headers = Array.from(matrix().querySelectorAll(".attack-vault-tactic-header"), (header) => Array.from(header.children, (part) => part.textContent));
    expect(headers).toEqual([
      ["Execution", "2 (66.7%) with a detection rule · 1 with no detection rule"],
      ["Persistence", "0 (0%) with a detection rule · 1 with no detection rule"],
      ["Privilege Escalation", "0 (0%) with a detection rule · 1 with no detection rule"],
    ]);
  });

  test("a parent says when its rules come only from its sub-techniques, which stay folded", () => {
    expect(rows(matrix())).toEqual([
      "T1059 Rules, no test 1 rule · 0 tests (via sub-techniques)",
      "T1547 Tests, no rule 0 rules · 1 test",
      "T1547 Tests, no rule 0 rules · 1 test",
    ]);
  });

  test("the toggle shows the sub-techniques, drawn when first opened, and remembers it", () => {
    const state = emptyState();
    const el = matrix(state);
    const toggle = el.querySelector<HTMLButtonElement>(".attack-vault-subs-toggle");
    const before = { text: toggle?.textContent, label: toggle?.getAttribute("aria-label"), drawn: el.querySelectorAll(".is-sub-technique").length };
    toggle?.click();
    expect({ before, after: rows(el).slice(0, 3), expanded: toggle?.getAttribute("aria-expanded"), state: [...state.expandedParents] }).toEqual({
      before: { text: "2 sub", label: "Show 2 sub-techniques of T1059", drawn: 0 },
      after: ["T1059 Rules, no test 1 rule · 0 tests (via sub-techniques)", "T1059.001 Rules, no test 1 rule · 0 tests", "T1059.003 No rule 0 rules · 0 tests"],
      expanded: "true",
      state: ["Execution|T1059"],
    });
  });

  test("a tactic folded by the reader stays folded when drawn again, with its rows not drawn", () => {
    const state = emptyState();
    matrix(state).querySelector<HTMLButtonElement>('[data-tactic="Persistence"] .attack-vault-tactic-header')?.click();
    const again = matrix(state);
    const persistence = again.querySelector('[data-tactic="Persistence"]');
    expect({ folded: [...state.collapsedTactics], expanded: persistence?.querySelector("button")?.getAttribute("aria-expanded"), rows: persistence?.querySelectorAll(".attack-vault-technique").length }).toEqual({
      folded: ["Persistence"],
      expanded: "false",
      rows: 0,
    });
  });

  test("no technique matching the filters says so", () => {
    expect(matrix(emptyState(), { platform: "Amiga" }).querySelector(".attack-vault-empty")?.textContent).toBe("No technique matches these filters.");
  });
});
