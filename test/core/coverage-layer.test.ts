import { coverageLayer } from "../../src/core/coverage-layer";
import { VaultIndex } from "../../src/core/vault-index";
import { record, rule, technique } from "./note-records";

function vault(): VaultIndex {
  const index = new VaultIndex();
  [
    technique("T1059.001", "PowerShell"),
    technique("T1027", "Obfuscated Files or Information"),
    technique("T1486", "Data Encrypted for Impact"),
    rule("ps", ["t1059_001"]),
    record("Threat Profiles/APT29.md", { tags: ["threat_profile"], name: "APT29", attack_id: "G0016", techniques: ["T1059.001", "T1027", "T1583.001"] }),
  ].forEach((note) => index.upsert(note));
  return index;
}

describe("a layer made with a threat profile", () => {
  const layer = coverageLayer(vault(), { vaultName: "soc", rollup: true, scoring: "count", filter: { profile: "G0016" } });

  test("names the profile", () => {
    expect(layer.name).toBe("ATT&CK coverage of soc (threat profile APT29 (G0016))");
    expect(layer.description).toContain("Only the 3 techniques the threat profile lists are scored: APT29: 2 techniques, 1 with rules (50%), 1 gap; 1 more technique has no note in the vault.");
  });

  test("scores only the profile's techniques, those without a note in grey", () => {
    expect([...new Set(layer.techniques.map((entry) => entry.techniqueID))].sort()).toEqual(["T1027", "T1059.001", "T1583.001"]);
  });

  test("without a profile, every technique", () => {
    const whole = coverageLayer(vault(), { vaultName: "soc", rollup: true, scoring: "count" });
    expect(whole.techniques.map((entry) => entry.techniqueID)).toContain("T1486");
    expect(whole.name).toBe("ATT&CK coverage of soc");
  });
});
