import { DEFAULT_SETTINGS, sameConventions, settingsFromData } from "../../src/core/settings-data";

describe("settingsFromData", () => {
  test.each<[string, unknown, Partial<typeof DEFAULT_SETTINGS>]>([
    ["nothing saved gives the defaults", null, DEFAULT_SETTINGS],
    ["a list is not settings", ["x"], DEFAULT_SETTINGS],
    ["a saved tag is kept, its # dropped", { ruleTag: "#sigma" }, { ...DEFAULT_SETTINGS, ruleTag: "sigma" }],
    ["an empty tag falls back to the default", { testTag: "  " }, DEFAULT_SETTINGS],
    ["a wrong type falls back per field", { takeOverQueryBlocks: "yes", rollUpSubTechniques: false }, { ...DEFAULT_SETTINGS, rollUpSubTechniques: false }],
    ["lists keep their strings only", { excludedFolders: ["Templates", 3, " Archive "] }, { ...DEFAULT_SETTINGS, excludedFolders: ["Templates", "Archive"] }],
    ["unknown keys are left out", { colour: "red" }, DEFAULT_SETTINGS],
    ["a saved profile tag and property", { profileTag: "#adversary", profileTechniquesProperty: " ttps " }, { ...DEFAULT_SETTINGS, profileTag: "adversary", profileTechniquesProperty: "ttps" }],
  ])("%s", (_name, stored, expected) => {
    expect(settingsFromData(stored)).toEqual(expected);
  });
});

describe("sameConventions", () => {
  test.each([
    ["the same settings", {}, true],
    ["a rollup switch", { rollUpSubTechniques: false }, true],
    ["the takeover switch", { takeOverQueryBlocks: false }, true],
    ["another rule tag", { ruleTag: "sigma" }, false],
    ["another folder left out", { excludedFolders: ["Templates"] }, false],
    ["another profile tag", { profileTag: "adversary" }, false],
    ["another profile property", { profileTechniquesProperty: "ttps" }, false],
  ])("%s: %s", (_name, change, same) => {
    expect(sameConventions(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, ...change })).toBe(same);
  });
});
