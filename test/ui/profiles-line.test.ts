/** @jest-environment jsdom */
/**
 * Threat profiles in notes: the line under a technique's rules block ("Used by 2 profiles in this
 * vault: …"), and a profile note's own block of gaps; both follow edits within the usual delay.
 */
import { EXAMPLE_VAULT } from "../support/paths";
import { openNote, renderedBlocks, settle, startPlugin, startPluginOnFolder, vaultFiles } from "../plugin/plugin-harness";
import { PROFILES_SHOWN } from "../../src/ui/profiles-line";

const POWERSHELL = "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md";
const INTERPRETER = "Use Cases/T1059 - Command and Scripting Interpreter.md";
const TUNNELING = "Use Cases/T1572 - Protocol Tunneling.md";
const OURS = "Threat Profiles/Our threat model.md";
const APT29 = "Threat Profiles/G0016 - APT29.md";
const profile = (name: string, techniques: string[]) => `---\ntags: [threat_profile]\nname: ${name}\ntechniques: [${techniques.join(", ")}]\n---\n`;

const usedBy = (content: HTMLElement) => {
  const line = content.querySelector<HTMLElement>(".attack-vault-used-by");
  return { text: line?.textContent ?? null, links: Array.from(line?.querySelectorAll("a.internal-link") ?? [], (link) => link.getAttribute("data-href")) };
};

describe("the line of profiles under a technique's rules", () => {
  test("names the profiles that use the technique, as links, under the rules block only", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const content = await openNote(app, POWERSHELL);
    expect(usedBy(content)).toEqual({ text: "Used by 2 profiles in this vault: APT29, Our threat model", links: [APT29, OURS] });
    expect(content.querySelectorAll(".attack-vault-used-by")).toHaveLength(1);
    expect(content.querySelector(".attack-vault-block .attack-vault-used-by")).toBeNull();
  });

  test("a link opens the profile", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const content = await openNote(app, POWERSHELL);
    content.querySelector<HTMLElement>(".attack-vault-used-by a.internal-link")?.click();
    expect(app.workspace.openedLinks.at(-1)?.linktext).toBe(APT29);
  });

  test("a parent counts the profiles that list only its sub-techniques, and says so", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    expect(usedBy(await openNote(app, INTERPRETER)).text).toBe("Used by 2 profiles in this vault (2 only through its sub-techniques): APT29, Our threat model");
  });

  test("a technique no profile lists says so", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    expect(usedBy(await openNote(app, "Use Cases/T1595 - Active Scanning.md")).text).toBe("Used by no threat profile in this vault");
  });

  test("a vault without profiles shows no line", async () => {
    const files = Object.fromEntries(Object.entries(vaultFiles(EXAMPLE_VAULT)).filter(([path]) => !path.startsWith("Threat Profiles/")));
    const { app } = await startPlugin(files, { pluginData: { excludedFolders: ["Templates"] } });
    expect(usedBy(await openNote(app, POWERSHELL)).text).toBeNull();
  });

  test("a long list shows the first few and folds the rest behind a button", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    for (let n = 1; n <= 8; n++) await app.vault.create(`Threat Profiles/Crew ${n}.md`, profile(`Crew ${n}`, ["T1059.001"]));
    await settle(app);
    const content = await openNote(app, POWERSHELL);
    expect(usedBy(content).links).toHaveLength(PROFILES_SHOWN);
    const more = content.querySelector<HTMLButtonElement>(".attack-vault-used-by-more");
    expect(more?.textContent).toBe(`and ${10 - PROFILES_SHOWN} more`);
    more?.click();
    expect(usedBy(content).links).toHaveLength(10);
  });

  test("follows a profile's edit within the announcement delay, without re-rendering the note", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const content = await openNote(app, TUNNELING);
    const host = content.querySelector(".block-language-attack-vault-query");
    expect(usedBy(content).text).toBe("Used by 1 profile in this vault: APT29");
    await app.vault.create("Threat Profiles/Tunnelers.md", profile("Tunnelers", ["T1572"]));
    await settle(app);
    expect(usedBy(content).text).toBe("Used by 2 profiles in this vault: APT29, Tunnelers");
    expect(content.querySelector(".block-language-attack-vault-query")).toBe(host);
  });
});

describe("a profile note's block of gaps", () => {
  test("lists the profile's techniques with no detection rule", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const [block] = renderedBlocks(await openNote(app, APT29));
    expect(block?.header.replace(/\s+/g, " ")).toBe("Techniques with no detection rule · 5");
    expect(block?.links.map((path) => /T\d{4}(\.\d{3})?/.exec(path)?.[0])).toEqual(["T1018", "T1027", "T1041", "T1136.001", "T1572"]);
  });

  test("drops a technique as soon as a rule covers it", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const content = await openNote(app, APT29);
    await app.vault.create("Detection Rules/tunnel.md", "---\ntitle: Tunnel\nlevel: high\ntags: [t1572, detection_rule]\n---\n");
    await settle(app);
    expect(renderedBlocks(content)[0]?.links.some((path) => path.includes("T1572"))).toBe(false);
  });

  test("names a profile the vault does not have instead of claiming full coverage", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    await app.vault.create("Notes/APT28 gaps.md", "```attack-query\nprofile: G0007\ncoverage: gap\n```\n");
    await settle(app);
    expect(renderedBlocks(await openNote(app, "Notes/APT28 gaps.md"))[0]?.gap).toBe("No threat profile in this vault has the name, ATT&CK ID or alias G0007");
  });
});
