import fc from "fast-check";
import { ScratchList } from "../../src/core/scratch-list";

/** A unique list the plain way, to hold ScratchList to. */
function uniqueOf(items: readonly number[]): number[] {
  return [...new Set(items)];
}

describe("a scratch list", () => {
  test.each([
    ["a few items", [3, 1, 3, 2, 1]],
    ["past the scan limit, where a Set takes over", Array.from({ length: 40 }, (_, i) => i % 25)],
    ["past the storage it keeps between uses", Array.from({ length: 1_500 }, (_, i) => i)],
  ])("pushUnique keeps the first of each item, in order: %s", (_name, items) => {
    const list = new ScratchList<number>();
    const added = items.map((item) => list.pushUnique(item));
    expect(list.toArray()).toEqual(uniqueOf(items));
    expect(added.filter(Boolean)).toHaveLength(uniqueOf(items).length);
    expect(list.size).toBe(uniqueOf(items).length);
  });

  test("filled again after clear, it holds only the new items, whatever the earlier ones were", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 50 }), { maxLength: 8 }), (fillings) => {
        const list = new ScratchList<number>();
        for (const items of fillings) {
          list.clear();
          for (const item of items) list.pushUnique(item);
          expect(list.toArray()).toEqual(uniqueOf(items));
          for (let item = 0; item <= 60; item++) expect(list.has(item)).toBe(items.includes(item));
        }
      }),
    );
  });

  test("push keeps repeats; at, forEach and toArray read the same items", () => {
    const list = new ScratchList<string>();
    for (const item of ["a", "b", "a"]) list.push(item);
    const visited: string[] = [];
    list.forEach((item) => visited.push(item));
    expect([list.at(0), list.at(1), list.at(2)]).toEqual(["a", "b", "a"]);
    expect(visited).toEqual(list.toArray());
  });
});
