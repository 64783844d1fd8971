/** A small hand-written ATT&CK release and a vault set beside it: active, deprecated, revoked and unknown techniques, rules and a test. */
import { decodeAttackTable } from "../../src/core/attack-catalogue";
import { VaultIndex } from "../../src/core/vault-index";
import { rule, technique, test as atomicTest } from "./note-records";

export const SMALL_RELEASE = decodeAttackTable({
  version: "9.9",
  versionSource: "test",
  domain: "enterprise-attack",
  tactics: [
    ["TA0002", "execution", "Execution"],
    ["TA0003", "persistence", "Persistence"],
    ["TA0005", "defense-evasion", "Defense Evasion"],
  ],
  platforms: ["Linux", "Windows", "macOS"],
  techniques: [
    "T1059|Command and Scripting Interpreter|1|7",
    ".001|PowerShell|1|2",
    ".004|Unix Shell|1|5",
    "T1064|Scripting|5|2|d|T1059",
    "T1070|Indicator Removal|4|3",
    "T1086|PowerShell|1|2|r",
    "T1547|Boot or Logon Autostart Execution|2|2",
  ],
});

export function smallVault(): VaultIndex {
  const index = new VaultIndex();
  [
    technique("T1059", "Command and Scripting Interpreter", { platforms: "Windows, Linux, macOS" }),
    technique("T1059.001", "PowerShell"),
    technique("T1064", "Scripting", { tactics: "Execution, Defense Evasion" }),
    rule("ps", ["t1059_001"]),
    rule("old_ps", ["t1086"]),
    rule("bash", ["t1059_004"]),
    rule("future", ["t1999"]),
    atomicTest("T1547 - Autostart", ["T1547"]),
  ].forEach((note) => index.upsert(note));
  return index;
}

