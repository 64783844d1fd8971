/**
 * Issue #15, class 1: reports that grew with the square of the input. 5,000 notes claiming one
 * technique made 5,000 warnings each naming the 4,999 others (about 1.5 GB of text, which
 * exhausted the heap); the report now names the claim once, in bounded words.
 */
import { computeCoverage } from "../../src/core/coverage";
import { coverageData } from "../../src/core/coverage-export";
import { VaultIndex } from "../../src/core/vault-index";
import { indexProblems } from "../../src/core/vault-problems";
import { namesText } from "../../src/core/wording";
import { record } from "../core/note-records";

const CLAIMS = 5_000;
const claimant = (n: number): string => `Use Cases/T1486 copy ${String(n).padStart(4, "0")}.md`;

describe("thousands of notes claiming one technique", () => {
  const index = new VaultIndex();
  index.load([
    ...Array.from({ length: CLAIMS }, (_, n) => record(claimant(n), { tags: ["T1486", "techniques"] })),
    record("Use Cases/T1059 a.md", { tags: ["T1059", "techniques"] }),
    record("Use Cases/T1059 b.md", { tags: ["T1059", "techniques"] }),
  ]);
  const problems = indexProblems(index);

  test("give one problem per technique, under its first note", () => {
    expect(problems.map((problem) => problem.path)).toEqual(["Use Cases/T1059 a.md", claimant(0)]);
  });

  test("which names ten of the others and counts the rest", () => {
    const others = Array.from({ length: 10 }, (_, n) => claimant(n + 1)).join(", ");
    expect(problems[1]?.message).toBe(`claims T1486, which 4,999 other notes also claim (${others} and 4,989 more); all are kept`);
  });

  test("two notes read as before", () => {
    expect(problems[0]?.message).toBe("claims T1059, which Use Cases/T1059 b.md also claims; both are kept");
  });

  test("the coverage row lists every claiming note once", () => {
    const row = coverageData(computeCoverage(index, { rollup: true })).techniques.find((technique) => technique.id === "T1486");
    expect(row?.duplicateNotes?.length).toBe(CLAIMS);
  });
});

describe("names in a report", () => {
  test.each([
    [[], ""],
    [["a"], "a"],
    [["a", "b"], "a and b"],
    [["a", "b", "c"], "a, b and c"],
    [Array.from({ length: 12 }, (_, n) => `n${n}`), "n0, n1, n2, n3, n4, n5, n6, n7, n8, n9 and 2 more"],
  ])("%j → %s", (names, text) => {
    expect(namesText(names)).toBe(text);
  });
});
