/**
 * ATT&CK's STIX objects from disk: a folder of mitre/cti's per-object bundles (`intrusion-set/`,
 * `campaign/`, `malware/`, `tool/`, `relationship/`, `attack-pattern/`), or one bundle file such as
 * `enterprise-attack.json`. A file that is not a regular file, too large or not a bundle is a
 * warning naming it; it never stops the others.
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, constants } from "node:fs";
import { join } from "node:path";
import type { StixObject } from "../core/attack-actors";
import { isPlainObject } from "../core/plain-object";

/** The folders the importer reads; the others (tactics, matrices, mitigations…) hold nothing it needs. */
export const STIX_FOLDERS = ["attack-pattern", "intrusion-set", "campaign", "malware", "tool", "relationship"] as const;

/** One per-object bundle is a few KB; mitre/cti's whole-domain bundle is about 50 MB. */
const MAX_OBJECT_FILE = 16 * 1024 * 1024;
const MAX_BUNDLE_FILE = 512 * 1024 * 1024;

export interface StixRead {
  objects: StixObject[];
  files: number;
  warnings: string[];
}

const reasonOf = (error: unknown): string => (error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error));

/** The file's text when it is a regular file under the cap; opened without following a symlink or blocking on a FIFO. */
function readRegularFile(path: string, cap: number): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error("it is not a regular file");
    if (stat.size > cap) throw new Error(`it is larger than ${Math.round(cap / 1024 / 1024)} MB`);
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

function bundleObjects(text: string): StixObject[] {
  const parsed: unknown = JSON.parse(text);
  const objects = isPlainObject(parsed) ? parsed.objects : undefined;
  if (!Array.isArray(objects)) throw new Error("it is not a STIX bundle (no objects list)");
  return objects.filter((object): object is StixObject => isPlainObject(object));
}

function readInto(read: StixRead, path: string, cap: number): void {
  try {
    read.objects.push(...bundleObjects(readRegularFile(path, cap)));
    read.files++;
  } catch (error) {
    read.warnings.push(`${path}: skipped: ${reasonOf(error)}`);
  }
}

/** Every object of a folder of per-object bundles, or of one bundle file. Throws only when `source` itself cannot be read. */
export function readStix(source: string): StixRead {
  const read: StixRead = { objects: [], files: 0, warnings: [] };
  if (lstatSync(source).isFile()) {
    readInto(read, source, MAX_BUNDLE_FILE);
    return read;
  }
  for (const folder of STIX_FOLDERS) {
    const dir = join(source, folder);
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith(".json")).sort();
    } catch (error) {
      read.warnings.push(`${dir}: skipped: ${reasonOf(error)}`);
      continue;
    }
    for (const name of names) readInto(read, join(dir, name), MAX_OBJECT_FILE);
  }
  return read;
}
