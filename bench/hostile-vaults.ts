/**
 * Hostile vaults for target 10 (and its linearity figure): mixtures of the input classes that once cost
 * more than their size (issue #15), each payload sized by a byte budget so that a vault 4× the
 * budget holds payloads 4× as big (more tags in the one note, more notes claiming one ID, deeper
 * nesting), not 4 copies of the small ones: only then does a cost that grows faster than the
 * input show.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { aliasExpansionNote } from "../test/hostile/alias-expansion";

/** One class: the files it writes for about `bytes` bytes of input. */
type Payload = (bytes: number) => Record<string, string>;

const count = (bytes: number, bytesEach: number): number => Math.max(1, Math.floor(bytes / bytesEach));

/**
 * The clean catalogue's notes average about 2.3 KB: classes made of many notes write notes of that
 * size, so a hostile vault of the catalogue's bytes also has about its number of notes, and what
 * is measured is the payload, not a file system's cost per file.
 */
const NOTE_BYTES = 2300;
const padded = (text: string): string => text + "Ordinary prose in the note's body. ".repeat(Math.max(0, Math.floor((NOTE_BYTES - text.length) / 35)));

export const HOSTILE_CLASSES: Record<string, Payload> = {
  // Class 1: thousands of notes claiming one technique.
  "notes claiming one technique": (bytes) =>
    Object.fromEntries(Array.from({ length: count(bytes, NOTE_BYTES) }, (_, n) => [`Use Cases/T1486 copy ${n}.md`, padded("---\ntags: [T1486, techniques]\n---\n")])),
  // Class 2: one note with a great many distinct tags, and one with a great many technique IDs.
  "one note with many tags": (bytes) => ({
    "Detection Rules/many tags.md": `---\ntags: [detection_rule, ${Array.from({ length: count(bytes, 9) }, (_, n) => `t${n}`).join(", ")}]\n---\n`,
  }),
  "one rule naming many techniques": (bytes) => ({
    "Detection Rules/many techniques.md": `---\ntags: [detection_rule]\ntechnique_ids: [${Array.from({ length: count(bytes, 11) }, (_, n) => `T${1000 + Math.floor(n / 1000)}.${String(n % 1000).padStart(3, "0")}`).join(", ")}]\n---\n`,
  }),
  // Class 3: a list of aliases to nested alias lists, which a property query must not expand.
  "aliases a property query could expand": (bytes) => ({ "Detection Rules/alias expansion.md": aliasExpansionNote(count(bytes, 4)) }),
  // Deep nesting in frontmatter, which held in round one; a reader must stay linear in its depth.
  "deeply nested frontmatter": (bytes) => {
    const depth = count(bytes, 2);
    return { "Detection Rules/nested.md": `---\ntags: [detection_rule]\nx: ${"[".repeat(depth)}${"]".repeat(depth)}\n---\n` };
  },
  // Class 10: lone carriage returns and doubled byte order marks, each a warning.
  "lone CRs and doubled BOMs": (bytes) =>
    Object.fromEntries(
      Array.from({ length: count(bytes, NOTE_BYTES) }, (_, n) => [`Detection Rules/odd endings ${n}.md`, padded(n % 2 === 0 ? "---\rtags: [t1490]\r---\rbody\r" : "\uFEFF\uFEFF---\ntags: [t1490]\n---\n")]),
    ),
  // A big body with NUL bytes and many tags inline.
  "a big body with NUL bytes": (bytes) => ({
    "Detection Rules/nul body.md": `---\ntags: [detection_rule]\n---\n${"text\u0000 #inline_tag more text\n".repeat(count(bytes, 31))}`,
  }),
};

/** A seeded generator (mulberry32): the same seed gives the same mixture in every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each class's share of the bytes: equal, or drawn at random for a mixture. */
export type Mixture = Array<[name: string, share: number]>;

export function equalMixture(): Mixture {
  const names = Object.keys(HOSTILE_CLASSES);
  return names.map((name) => [name, 1 / names.length]);
}

export function randomMixture(random: () => number): Mixture {
  const weights = Object.keys(HOSTILE_CLASSES).map((name) => [name, random()] as [string, number]);
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  return weights.map(([name, weight]) => [name, weight / total]);
}

/** Writes the mixture at `bytes` into `dir`; returns the bytes written. */
export function writeHostileVault(dir: string, mixture: Mixture, bytes: number): number {
  let written = 0;
  for (const [name, share] of mixture) {
    const payload = HOSTILE_CLASSES[name];
    if (!payload) throw new Error(`no hostile class ${name}`);
    for (const [path, text] of Object.entries(payload(bytes * share))) {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      written += Buffer.byteLength(text);
    }
  }
  return written;
}
