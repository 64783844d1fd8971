import { findTactic, TACTICS, tacticsFromProperty } from "../../src/core/tactics";

describe("findTactic", () => {
  test.each([
    ["Execution", "Execution"],
    ["execution", "Execution"],
    ["_Privilege_Escalation", "Privilege Escalation"],
    ["privilege-escalation", "Privilege Escalation"],
    ["attack.command_and_control", "Command and Control"],
    ["Defense Evasion", "Defense Evasion"],
    ["Stealth", "Stealth"],
    ["Defense Impairment", "Defense Impairment"],
    ["TA0112", "Defense Impairment"],
    ["TA0043", "Reconnaissance"],
  ])("%s is %s", (text, name) => {
    expect(findTactic(text)?.name).toBe(name);
  });

  test("an unknown name is not a tactic", () => {
    expect(findTactic("Lunch")).toBeNull();
  });
});

describe("matrix order", () => {
  test("runs from Reconnaissance to Impact", () => {
    expect(TACTICS[0]?.name).toBe("Reconnaissance");
    expect(TACTICS[TACTICS.length - 1]?.name).toBe("Impact");
  });

  test("Defense Evasion keeps its v18 place, with v19's Stealth and Defense Impairment beside it", () => {
    const names = TACTICS.map((tactic) => tactic.name);
    const escalation = names.indexOf("Privilege Escalation");
    expect(names.slice(escalation + 1, escalation + 5)).toEqual(["Defense Evasion", "Stealth", "Defense Impairment", "Credential Access"]);
  });
});

describe("tacticsFromProperty", () => {
  test.each<[string, unknown, string[]]>([
    ["one", "Execution", ["Execution"]],
    ["comma-separated, sorted in matrix order", "Privilege Escalation, Persistence", ["Persistence", "Privilege Escalation"]],
    ["a list", ["Impact", "Discovery"], ["Discovery", "Impact"]],
    ["a custom tactic is kept, last", "Lunch, Execution", ["Execution", "Lunch"]],
    ["duplicates once", "Execution, execution", ["Execution"]],
    ["nothing", undefined, []],
  ])("%s", (_name, value, names) => {
    expect(tacticsFromProperty(value).map((tactic) => tactic.name)).toEqual(names);
  });
});
