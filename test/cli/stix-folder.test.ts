/** ATT&CK's STIX read from disk: a folder of per-object bundles or one bundle file; a bad file is a warning naming it, never the end of the read. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readStix, STIX_FOLDERS } from "../../src/cli/stix-folder";
import { testWhen } from "../support/paths";
import { stixFixture, writeStixFolder } from "../support/stix-fixture";

const scratch = mkdtempSync(join(tmpdir(), "attack-vault-stix-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
// One fixture for the file: each call of stixFixture() numbers its objects anew.
const fixture = stixFixture().objects;
const fresh = (): string => writeStixFolder(join(scratch, `stix-${++folders}`), fixture);
const ids = (objects: ReadonlyArray<{ id?: unknown }>): string[] => objects.map((object) => String(object.id)).sort();
const expected = ids(fixture);

describe("readStix", () => {
  test("reads every object of a folder of per-object bundles, one file each", () => {
    const read = readStix(fresh());
    expect([ids(read.objects), read.files, read.warnings]).toEqual([expected, expected.length, []]);
  });

  test("reads one bundle file holding every object", () => {
    const file = join(scratch, "enterprise-attack.json");
    writeFileSync(file, JSON.stringify({ type: "bundle", id: "bundle--all", objects: fixture }));
    expect(ids(readStix(file).objects)).toEqual(expected);
  });

  test.each([
    ["a file that is not JSON", "{ not json", /^.*broken\.json: skipped: /],
    ["JSON that is no bundle", JSON.stringify([{ type: "intrusion-set" }]), /broken\.json: skipped: it is not a STIX bundle \(no objects list\)$/],
  ])("%s is a warning naming it, and the others are read", (_name, text, warning) => {
    const dir = fresh();
    writeFileSync(join(dir, "tool", "broken.json"), text);
    const read = readStix(dir);
    expect(ids(read.objects)).toEqual(expected);
    expect(read.warnings).toEqual([expect.stringMatching(warning)]);
  });

  test("a bundle's entries that are not objects are left out", () => {
    const dir = fresh();
    writeFileSync(join(dir, "tool", "odd.json"), JSON.stringify({ type: "bundle", objects: [null, 3, ["x"], { type: "tool", id: "tool--odd" }] }));
    expect(ids(readStix(dir).objects)).toEqual([...expected, "tool--odd"].sort());
  });

  test("a missing folder is a warning; the folders there are read", () => {
    const dir = fresh();
    rmSync(join(dir, "campaign"), { recursive: true });
    const read = readStix(dir);
    expect(read.warnings).toEqual([expect.stringMatching(/campaign: skipped: /)]);
    expect(read.objects.some((object) => object.type === "campaign")).toBe(false);
    expect(read.objects.some((object) => object.type === "intrusion-set")).toBe(true);
  });

  testWhen(process.platform !== "win32", "a link in a folder is not followed", "symbolic links (POSIX)", () => {
    const dir = fresh();
    const outside = join(scratch, `outside-${folders}.json`);
    writeFileSync(outside, JSON.stringify({ type: "bundle", objects: [{ type: "tool", id: "tool--outside" }] }));
    symlinkSync(outside, join(dir, "tool", "linked.json"));
    const read = readStix(dir);
    expect(ids(read.objects)).toEqual(expected);
    expect(read.warnings).toEqual([expect.stringMatching(/linked\.json: skipped: /)]);
  });

  test("only the folders the importer needs are read", () => {
    const dir = fresh();
    mkdirSync(join(dir, "course-of-action"));
    writeFileSync(join(dir, "course-of-action", "m.json"), JSON.stringify({ type: "bundle", objects: [{ type: "course-of-action", id: "course-of-action--1" }] }));
    expect(STIX_FOLDERS).not.toContain("course-of-action");
    expect(ids(readStix(dir).objects)).toEqual(expected);
  });
});
