/**
 * Property-based, with fast-check: an index kept up to date through any sequence of upserts,
 * removals and renames equals one rebuilt from scratch from the final notes.
 */
import fc from "fast-check";
import { DEFAULT_CONVENTIONS, type NoteRecord, type VaultConventions } from "../../src/core/note";
import { VaultIndex } from "../../src/core/vault-index";
import { dumpIndex } from "./index-dump";

// A few paths (one in an excluded folder) and tags (nested ones, kinds, IDs, odd values), so random changes collide often.
const PATHS = ["Use Cases/T1059 - A.md", "Use Cases/T1059.001 - B.md", "Detection Rules/r1.md", "Detection Rules/r2.md", "Testing Runbooks/t1.md", "Templates/x.md", "T1105 - root.md"];
const TAGS = ["techniques", "detection_rule", "atomic_test", "T1059", "t1059_001", "T1105", "attack/t1059/001", "a/b", "a/b/c", "A", "x"];
const TAG_VALUES: unknown[] = [...TAGS, 42, null, ["t1105"], { k: "v" }];
const CONVENTIONS: VaultConventions = { ...DEFAULT_CONVENTIONS, excludedFolders: ["Templates"] };

const record = fc.record({
  path: fc.constantFrom(...PATHS),
  frontmatter: fc.option(
    fc.record(
      {
        tags: fc.oneof(fc.subarray(TAG_VALUES), fc.constantFrom(...TAGS), fc.constant({ detection_rule: "t1105" })),
        id: fc.constantFrom("T1059", "T1105", "t1059_001", "nope"),
        techniques: fc.subarray(["T1059", "T1059.001", "attack.t1105", "x"]),
      },
      { requiredKeys: [] },
    ),
  ),
  inlineTags: fc.subarray(["detection_rule", "t1105", "a/b", "nested/x/y"]),
}) as fc.Arbitrary<NoteRecord>;

type Change = { kind: "upsert"; record: NoteRecord } | { kind: "remove"; path: string } | { kind: "rename"; from: string; to: string };

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 3, arbitrary: record.map((note) => ({ kind: "upsert" as const, record: note })) },
  { weight: 1, arbitrary: fc.constantFrom(...PATHS).map((path) => ({ kind: "remove" as const, path })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...PATHS)).map(([from, to]) => ({ kind: "rename" as const, from, to })) },
);

describe("the index after any sequence of changes equals a rebuild", () => {
  const probeTags = [...TAGS.map((tag) => tag.toLowerCase()), "a", "attack", "attack/t1059", "nested", "nested/x", "nested/x/y", "42", "t1105"];
  const probeIds = ["T1059", "T1059.001", "T1105"];

  test("upsert, remove and rename in any order leave what rebuilding the final notes gives", () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const index = new VaultIndex(CONVENTIONS);
        // The notes the vault holds, as the index promises to track them: a rename moves only a note it indexed.
        const vault = new Map<string, NoteRecord>();
        for (const step of changes) {
          if (step.kind === "upsert") {
            index.upsert(step.record);
            vault.set(step.record.path, step.record);
          } else if (step.kind === "remove") {
            index.remove(step.path);
            vault.delete(step.path);
          } else {
            const moving = index.get(step.from) ? vault.get(step.from) : undefined;
            index.rename(step.from, step.to);
            if (moving) {
              vault.delete(step.from);
              vault.set(step.to, { ...moving, path: step.to });
            }
          }
        }
        const rebuilt = new VaultIndex(CONVENTIONS);
        for (const note of vault.values()) rebuilt.upsert(note);
        expect(dumpIndex(index, probeTags, probeIds)).toEqual(dumpIndex(rebuilt, probeTags, probeIds));
      }),
      { numRuns: 500 },
    );
  });
});
