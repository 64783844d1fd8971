/** @jest-environment jsdom */
/**
 * Issue #15, class 9: a rule's Sigma level became part of a CSS class, so a level of
 * `high attack-vault-show-all is-collapsed` added classes of its own to the row. Levels now map to a
 * fixed set of classes; anything else adds none. The levels are generated here, hostile ones mixed in.
 */
import fc from "fast-check";
import { openNote, startPlugin } from "../plugin/plugin-harness";

const KNOWN = ["informational", "low", "medium", "high", "critical"];
const HOSTILE_WORDS = ["attack-vault-show-all", "is-collapsed", "attack-vault-level-critical", "mod-warning", "x", "\t", " "];
const levels = fc.sample(
  fc.oneof(
    fc.constantFrom(...KNOWN, "High", " critical "),
    fc.array(fc.constantFrom(...KNOWN, ...HOSTILE_WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(" ")),
    fc.string({ unit: "grapheme-ascii", maxLength: 30 }),
  ),
  { numRuns: 60, seed: 15 },
).filter((level) => level.trim() !== "" && !/["\\\n\r]/.test(level));

const rulePath = (n: number): string => `Detection Rules/rule ${n}.md`;
const files: Record<string, string> = {
  "Use Cases/T1059 - Command and Scripting Interpreter.md": "---\ntags: [T1059, techniques]\n---\n\n```query\ntag:detection_rule tag:T1059\n```\n",
};
levels.forEach((level, n) => {
  files[rulePath(n)] = `---\ntitle: "Rule ${n}"\nlevel: "${level}"\nstatus: "${level}"\ntags: [t1059, detection_rule]\n---\n`;
});

test("every level badge carries only the level classes of a known Sigma level", async () => {
  const { app } = await startPlugin(files);
  const content = await openNote(app, "Use Cases/T1059 - Command and Scripting Interpreter.md");
  content.querySelector<HTMLElement>(".attack-vault-show-all")?.click();
  const rows = Array.from(content.querySelectorAll(".attack-vault-item"));
  const shown = rows.map((row) => {
    const path = row.querySelector("a.internal-link")?.getAttribute("data-href") ?? "";
    const level = (levels[Number(/rule (\d+)/.exec(path)?.[1])] ?? "").trim().toLowerCase();
    return { level, rowClasses: [...row.classList], badgeClasses: [...(row.querySelector(".attack-vault-badge")?.classList ?? [])] };
  });
  const expected = shown.map(({ level }) => ({
    level,
    rowClasses: ["attack-vault-item"],
    badgeClasses: ["attack-vault-badge", "attack-vault-level", ...(KNOWN.includes(level) ? [`attack-vault-level-${level}`] : [])],
  }));
  expect({ rows: rows.length, shown }).toEqual({ rows: levels.length, shown: expected });
});
