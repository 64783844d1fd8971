/**
 * ATT&CK Enterprise tactics in matrix order. ATT&CK v19 split Defense Evasion into
 * Stealth (keeping TA0005) and Defense Impairment (TA0112); a vault that still says
 * Defense Evasion keeps that name in its v18 place rather than being silently renamed.
 */
import { compareTitles } from "./order";

export interface Tactic {
  id: string;
  name: string;
  /** ATT&CK's shortname, as Navigator layers and STIX kill chain phases spell it. */
  shortname: string;
  /** Position in the matrix; unknown tactics sort after every known one. */
  order: number;
}

const MATRIX: ReadonlyArray<[string, string, string]> = [
  ["TA0043", "Reconnaissance", "reconnaissance"],
  ["TA0042", "Resource Development", "resource-development"],
  ["TA0001", "Initial Access", "initial-access"],
  ["TA0002", "Execution", "execution"],
  ["TA0003", "Persistence", "persistence"],
  ["TA0004", "Privilege Escalation", "privilege-escalation"],
  ["TA0005", "Defense Evasion", "defense-evasion"],
  ["TA0005", "Stealth", "stealth"],
  ["TA0112", "Defense Impairment", "defense-impairment"],
  ["TA0006", "Credential Access", "credential-access"],
  ["TA0007", "Discovery", "discovery"],
  ["TA0008", "Lateral Movement", "lateral-movement"],
  ["TA0009", "Collection", "collection"],
  ["TA0011", "Command and Control", "command-and-control"],
  ["TA0010", "Exfiltration", "exfiltration"],
  ["TA0040", "Impact", "impact"],
];

export const TACTICS: readonly Tactic[] = MATRIX.map(([id, name, shortname], order) => ({ id, name, shortname, order }));

/** `_Privilege_Escalation`, `privilege-escalation`, `attack.privilege_escalation` → `privilege escalation`. */
function tacticLookupKey(text: string): string {
  return text
    .trim()
    .replace(/^attack\./i, "")
    .replace(/[_\-\s]+/g, " ")
    .trim()
    .toLowerCase();
}

const BY_KEY = new Map<string, Tactic>();
for (const tactic of TACTICS) {
  BY_KEY.set(tacticLookupKey(tactic.name), tactic);
  BY_KEY.set(tacticLookupKey(tactic.shortname), tactic);
}
// TA0005 is ambiguous across releases; the name the vault uses decides.
for (const tactic of TACTICS) if (!BY_KEY.has(tactic.id.toLowerCase())) BY_KEY.set(tactic.id.toLowerCase(), tactic);

/** The tactic a name, shortname, mangled tag or ID stands for; null when it is not one. */
export function findTactic(text: string): Tactic | null {
  return BY_KEY.get(tacticLookupKey(text)) ?? null;
}

/** A tactic the vault names that ATT&CK does not: kept and shown after the known ones. */
export function customTactic(name: string): Tactic {
  return { id: "", name: name.trim(), shortname: tacticLookupKey(name).replace(/ /g, "-"), order: TACTICS.length };
}

/** Tactics from a `tactics` property: a comma-separated string or a list. */
export function tacticsFromProperty(value: unknown): Tactic[] {
  const tactics = new Map<string, Tactic>();
  const add = (raw: unknown): void => {
    if (typeof raw !== "string") return;
    for (const name of raw.split(",")) {
      if (name.trim() === "") continue;
      const tactic = findTactic(name) ?? customTactic(name);
      if (!tactics.has(tactic.name)) tactics.set(tactic.name, tactic);
    }
  };
  if (Array.isArray(value)) value.forEach(add);
  else add(value);
  return [...tactics.values()].sort(compareTactics);
}

export function compareTactics(a: Tactic, b: Tactic): number {
  return a.order - b.order || compareTitles(a.name, b.name);
}
