import { isSubTechnique, parentTechniqueId, parseTechniqueId, techniqueIdAsTag, techniqueIdAtStartOf } from "../../src/core/technique-id";
import { compareCodeUnits } from "../../src/core/order";
import fc from "fast-check";

describe("parseTechniqueId", () => {
  test.each([
    ["T1059.001", "T1059.001"],
    ["T1059_001", "T1059.001"],
    ["t1059_001", "T1059.001"],
    ["T1059-001", "T1059.001"],
    ["attack.t1059.001", "T1059.001"],
    ["attack.T1059.001", "T1059.001"],
    ["attack/t1059/001", "T1059.001"],
    ["#T1059_001", "T1059.001"],
    ["T1059", "T1059"],
    ["t1203", "T1203"],
    ["attack.t1203", "T1203"],
    [" T1486 ", "T1486"],
  ])("%s is %s", (text, id) => {
    expect(parseTechniqueId(text)).toBe(id);
  });

  test.each([["T10590"], ["t1059_0012"], ["T105"], ["T1059.01"], ["TA0002"], ["execution"], ["attack.execution"], ["xT1059"], ["T1059.001x"], [""], ["T1059."]])(
    "%s is not an ID",
    (text) => {
      expect(parseTechniqueId(text)).toBeNull();
    },
  );
});

describe("parseTechniqueId's shortcut for IDs already canonical reads as the pattern does", () => {
  // The pattern alone, as the function read every text before the shortcut.
  const byPattern = (text: string): string | null => {
    const match = /^(?:attack[./])?t(\d{4})(?:[._\-/](\d{3}))?$/i.exec(text.trim().replace(/^#/, ""));
    return match ? (match[2] ? `T${match[1]}.${match[2]}` : `T${match[1]}`) : null;
  };
  const idLike = fc.string({ unit: fc.constantFrom("T", "t", "A", "0", "1", "5", "9", ".", "_", "-", " "), minLength: 4, maxLength: 10 });

  test("any text of ID-like characters", () => {
    fc.assert(fc.property(idLike, (text) => parseTechniqueId(text) === byPattern(text)));
  });

  test.each([["T1059"], ["T1059.001"], ["T0000.000"], ["T1059.0O1"], ["T1O59"], ["T1059,001"], ["T1059.001 "], ["\u0054\u0031\u0030\u0035\u0039"]])("%j", (text) => {
    expect(parseTechniqueId(text)).toBe(byPattern(text));
  });
});

describe("technique relations", () => {
  test.each([
    ["T1059.001", true, "T1059"],
    ["T1059", false, null],
  ])("%s: sub-technique %s, parent %s", (id, sub, parent) => {
    expect(isSubTechnique(id)).toBe(sub);
    expect(parentTechniqueId(id)).toBe(parent);
  });

  test("the tag form uses an underscore", () => {
    expect(techniqueIdAsTag("T1059.001")).toBe("T1059_001");
  });

  test("a parent sorts before its sub-techniques and they before the next technique", () => {
    expect(["T1060", "T1059.002", "T1059", "T1059.001"].sort(compareCodeUnits)).toEqual(["T1059", "T1059.001", "T1059.002", "T1060"]);
  });
});

describe("techniqueIdAtStartOf", () => {
  test.each([
    ["T1059.001 - Command and Scripting Interpreter- PowerShell", "T1059.001"],
    ["T1003 - OS Credential Dumping", "T1003"],
    ["t1082 system info", "T1082"],
    ["T10820 - not an ID", null],
    ["Notes on T1059", null],
  ])("%s → %s", (name, id) => {
    expect(techniqueIdAtStartOf(name)).toBe(id);
  });
});
