/**
 * Issue #15, class 7: text from outside (a baseline's technique IDs, note titles, the baseline's
 * own name) reached the terminal and the Markdown report as it was: newlines forged a "GATE PASSED"
 * line, escape codes cleared the screen. Baseline IDs must now be ATT&CK IDs (the rest is a warning
 * naming entries by position), and every piece of outside text in the Markdown report is escaped,
 * `@mentions` neutralised. The hostile texts are generated here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { runCli } from "../../src/cli/main";
import { markdownText } from "../../src/cli/coverage-markdown";
import { parseTechniqueId } from "../../src/core/technique-id";
import { namesText } from "../../src/core/wording";

/** What outside text is made of here: Markdown, HTML, line breaks, terminal escapes, mentions. */
const HOSTILE_PIECES = ["\n", "\r", "\r\n", "\u2028", "## ", "# ", "✅ GATE PASSED", "<img src=x onerror=alert(1)>", "</details>", "|", "**", "`", "[x](javascript:alert(1))", "\u001b[2J", "\u001b]0;pwned\u0007", "@octocat", "@org/team", "&lt;", "T1059", " ", "- ", "> "];
const hostileText = fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(""));
const HOSTILE = fc.sample(hostileText, { numRuns: 40, seed: 15 });

/** Every line the Markdown report writes starts with one of these; a forged line would start otherwise. */
const OUR_LINE = /^(?:$|## ATT&CK coverage of |\*\*\d+ techniques\*\*|\| |### |- \*\*|<details><summary>Show all<\/summary>$|<\/details>$|✅ |❌ |No technique gained|Every )/;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

let folder = "";
let vault = "";
let baseline = "";
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "attack-outside-"));
  vault = join(folder, "vault");
  mkdirSync(join(vault, "Use Cases"), { recursive: true });
  mkdirSync(join(vault, "Rules"));
  // Technique notes titled with hostile text, none with a rule: every title is in the list of gaps.
  HOSTILE.forEach((text, n) => {
    const id = `T${1000 + n}`;
    writeFileSync(join(vault, `Use Cases/${id}.md`), `---\ntitle: ${JSON.stringify(text)}\ntactics: ${JSON.stringify(text)}\ntags: [${id}, techniques]\n---\n`);
  });
  writeFileSync(join(vault, "Rules/r.md"), "---\ntags: [t1003, detection_rule]\n---\n");
  writeFileSync(join(vault, "Use Cases/T1003.md"), "---\ntags: [T1003, techniques]\n---\n");
  // A baseline whose entries hold the hostile texts as IDs, beside one real ID.
  baseline = join(folder, "baseline\n## ✅ GATE PASSED.json");
  const techniques = [...HOSTILE.map((text) => ({ techniqueID: text, metadata: [{ name: "rules", value: "5" }] })), { techniqueID: "T1003", metadata: [{ name: "rules", value: "4" }] }];
  writeFileSync(baseline, JSON.stringify({ techniques }));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("a baseline's technique IDs", () => {
  test("only ATT&CK IDs are compared; the rest is one warning naming entries by position", () => {
    const output = runCli(["coverage", vault, "--baseline", baseline, "--json"]);
    const json = JSON.parse(output.stdout) as { changes: { lost: Array<{ id: string }> }; warnings: Array<{ path: string; message: string }> };
    // A text that is a real ID once trimmed (` T1059`) is one: it is compared like any other.
    const positions = HOSTILE.flatMap((text, n) => (parseTechniqueId(text) ? [] : [String(n + 1)]));
    const realIds = [...new Set(HOSTILE.flatMap((text) => parseTechniqueId(text) ?? []))];
    expect({ lost: json.changes.lost.map((change) => change.id), warnings: json.warnings.filter((warning) => warning.path === baseline) }).toEqual({
      lost: ["T1003", ...realIds].sort(),
      warnings: [{ path: baseline, message: `has ${positions.length} entries whose techniqueID is not an ATT&CK technique ID (entries ${namesText(positions)}); they are left out of the comparison` }],
    });
  });
});

describe("the Markdown report", () => {
  const markdown = (): string => runCli(["coverage", vault, "--format", "markdown", "--baseline", baseline, "--fail-under", "90"]).stdout;

  test("writes only its own lines: outside text forges none", () => {
    expect(markdown().split("\n").filter((line) => !OUR_LINE.test(line))).toEqual([]);
  });

  test("holds no control character, no raw HTML tag from outside and no live @mention", () => {
    const text = markdown();
    const outsideText = text.replace(/^<details><summary>Show all<\/summary>$|^<\/details>$/gm, "");
    expect({ control: CONTROL.test(text), html: /(^|[^\\])</.test(outsideText), mention: /(^|[^\w])@(?!&#8203;)[\w-]/.test(text) }).toEqual({ control: false, html: false, mention: false });
  });

  test("escapes any outside text to itself, on one line, with its words kept", () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: "binary", maxLength: 30 })), (text) => {
        const escaped = markdownText(text).replace(/&#8203;/g, "");
        const words = text.match(/[A-Za-z0-9]+/g) ?? [];
        return !escaped.includes("\n") && !escaped.includes("\r") && !CONTROL.test(escaped) && !/(^|[^\\])[<>|*_`#[\]]/.test(escaped) && words.every((word) => escaped.includes(word));
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});

describe("the text report", () => {
  test("holds no control character from outside text, and the baseline's name stays on its line", () => {
    const output = runCli(["coverage", vault, "--baseline", baseline, "--attack"]);
    const everything = [output.stdout, ...output.stderr].join("\n");
    const since = output.stdout.split("\n").find((line) => line.startsWith("Changes since "));
    expect({ control: CONTROL.test(everything), since }).toEqual({ control: false, since: `Changes since ${baseline.replace("\n", "\\x0a")}:` });
  });
});
