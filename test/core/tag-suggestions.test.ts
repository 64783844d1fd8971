import { editDistance, suggestTags } from "../../src/core/tag-suggestions";

describe("editDistance", () => {
  test.each([
    ["", "", 0],
    ["technique", "techniques", 1],
    ["kitten", "sitting", 3],
    ["abc", "", 3],
  ])("%j → %j is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe("suggestTags", () => {
  const counts = new Map([
    ["techniques", 625],
    ["detection_rule", 2822],
    ["atomic_test", 282],
    ["windows", 900],
    ["execution", 40],
  ]);

  test.each([
    ["a missing letter", "technique", ["techniques"]],
    ["a dash for an underscore", "detection-rule", ["detection_rule"]],
    ["a leading # and capitals", "#Atomic_Tests", ["atomic_test"]],
    ["a part of a tag", "atomic", ["atomic_test"]],
  ])("%s: %s → %j", (_name, wanted, close) => {
    expect(suggestTags(wanted, counts)).toEqual({ close, mostUsed: [] });
  });

  test("the tag itself is no suggestion", () => {
    expect(suggestTags("techniques", counts).close).not.toContain("techniques");
  });

  test("nothing close: the most used tags, most used first", () => {
    expect(suggestTags("ttp", counts)).toEqual({ close: [], mostUsed: ["detection_rule", "windows", "techniques"] });
  });

  test("an empty vault suggests nothing", () => {
    expect(suggestTags("techniques", new Map())).toEqual({ close: [], mostUsed: [] });
  });
});
