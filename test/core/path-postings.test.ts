import fc from "fast-check";
import { PathPostings } from "../../src/core/path-postings";

describe("path postings", () => {
  test("a key read after a build holds every path appended to it", () => {
    const postings = new PathPostings();
    expect([postings.add("t1059", "a.md"), postings.add("t1059", "b.md"), postings.add("other", "a.md")]).toEqual([true, false, true]);
    expect([...(postings.get("t1059") ?? [])]).toEqual(["a.md", "b.md"]);
    expect(postings.get("missing")).toBeUndefined();
  });

  test("a path added after the key's set was made is in it", () => {
    const postings = new PathPostings();
    postings.add("k", "a.md");
    postings.get("k");
    expect(postings.add("k", "b.md")).toBe(false);
    expect([...(postings.get("k") ?? [])]).toEqual(["a.md", "b.md"]);
  });

  test("removing the last path drops the key, and a later add says it is new again", () => {
    const postings = new PathPostings();
    postings.add("k", "a.md");
    expect(postings.remove("k", "a.md")).toBe(true);
    expect(postings.get("k")).toBeUndefined();
    expect(postings.add("k", "a.md")).toBe(true);
  });

  test("removing a path the key does not hold changes nothing", () => {
    const postings = new PathPostings();
    postings.add("k", "a.md");
    expect([postings.remove("k", "b.md"), postings.remove("none", "a.md")]).toEqual([false, false]);
    expect([...(postings.get("k") ?? [])]).toEqual(["a.md"]);
  });

  // The index's own use: a path is added to a key only when the key does not hold it.
  test("any sequence of adds, removes and reads answers as a plain map of sets", () => {
    const step = fc.record({ op: fc.constantFrom("add", "remove", "get"), key: fc.constantFrom("a", "b", "c"), path: fc.constantFrom("1.md", "2.md", "3.md") });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const postings = new PathPostings();
        const model = new Map<string, Set<string>>();
        for (const { op, key, path } of steps) {
          const held = model.get(key);
          if (op === "add" && !held?.has(path)) {
            expect(postings.add(key, path)).toBe(!held);
            model.set(key, (held ?? new Set()).add(path));
          } else if (op === "remove") {
            const emptied = held?.delete(path) === true && held.size === 0;
            if (emptied) model.delete(key);
            expect(postings.remove(key, path)).toBe(emptied);
          } else if (op === "get") {
            expect(new Set(postings.get(key) ?? [])).toEqual(model.get(key) ?? new Set());
          }
        }
        for (const key of ["a", "b", "c"]) expect(new Set(postings.get(key) ?? [])).toEqual(model.get(key) ?? new Set());
      }),
      { numRuns: 2000 },
    );
  });
});
