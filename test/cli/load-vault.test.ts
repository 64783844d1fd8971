/** Opening a vault folder for a command: the plugin's saved settings, then the flags over them, then the index. */
import { join } from "node:path";
import { parseArgs, UsageError } from "../../src/cli/args";
import { CONVENTION_FLAGS } from "../../src/cli/command";
import { openVault, pluginDataPath, savedSettings } from "../../src/cli/load-vault";
import { settingsFromData } from "../../src/core/settings-data";
import { scratch, vaultOf } from "../support/scratch-vault";

const open = (...argv: string[]) => openVault(parseArgs(["coverage", ...argv], CONVENTION_FLAGS));

const RULE = "---\ntags: [t1059, sigma]\n---\n";
const TECHNIQUE = "---\ntags: [T1059, attack]\n---\n";

describe("pluginDataPath", () => {
  test.each([
    [".obsidian", ".obsidian/plugins/attack-vault/data.json"],
    [".config/obsidian/", ".config/obsidian/plugins/attack-vault/data.json"],
  ])("below %s", (configDir, path) => {
    expect(pluginDataPath(configDir)).toBe(path);
  });
});

describe("savedSettings", () => {
  test("the defaults, with no warning, when the plugin saved nothing", () => {
    expect(savedSettings(scratch())).toEqual({ settings: settingsFromData(null), warning: null });
  });

  test("what the plugin saved, from the configuration folder given", () => {
    const dir = vaultOf({ [pluginDataPath(".cfg")]: JSON.stringify({ ruleTag: "sigma" }) });
    expect([savedSettings(dir).settings.ruleTag, savedSettings(dir, ".cfg").settings.ruleTag]).toEqual([settingsFromData(null).ruleTag, "sigma"]);
  });

  test("the defaults, and a warning that says why, when the file is not JSON", () => {
    const { settings, warning } = savedSettings(vaultOf({ [pluginDataPath(".obsidian")]: "{ nope" }));
    expect(settings).toEqual(settingsFromData(null));
    expect(warning).toMatch(/^is not valid JSON \(.+\); using the default settings$/);
  });
});

describe("openVault", () => {
  test("indexes the vault with its saved settings, the flags winning over them", () => {
    const dir = vaultOf({ [pluginDataPath(".obsidian")]: JSON.stringify({ ruleTag: "sigma", techniqueTag: "nope" }), "r.md": RULE, "T1059.md": TECHNIQUE });
    const vault = open(dir, "--technique-tag", "#attack");
    expect({ ruleTag: vault.settings.ruleTag, techniqueTag: vault.settings.techniqueTag, rules: [...vault.index.rulesFor("T1059")] }).toEqual({ ruleTag: "sigma", techniqueTag: "attack", rules: ["r.md"] });
  });

  test("a saved file that is not JSON is the first warning, naming the file", () => {
    const vault = open(vaultOf({ [pluginDataPath(".obsidian")]: "{ nope", "a.md": "text" }));
    expect(vault.read.warnings[0]?.path).toBe(".obsidian/plugins/attack-vault/data.json");
  });

  test.each([
    ["no vault folder", [], "`coverage` needs a vault folder: attack-vault coverage <vault>"],
    ["a folder that does not exist", ["/nonexistent/vault"], "no vault folder at /nonexistent/vault"],
  ])("%s is a usage error", (_name, argv, message) => {
    expect(() => open(...argv)).toThrow(new UsageError(message));
  });

  test("a file is not a vault folder", () => {
    const file = join(vaultOf({ "a.md": "" }), "a.md");
    expect(() => open(file)).toThrow(new UsageError(`no vault folder at ${file}`));
  });
});
