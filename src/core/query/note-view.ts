/**
 * One note as the query matchers see it. Property texts are built per asked key and capped:
 * YAML aliases let a 600-byte note hold hundreds of millions of strings, so turning every value
 * into JSON, as a property term once did, froze the app for most of a minute.
 */
import type { QuerySource } from "./ast";

/** Nested values (lists of lists, maps) are matched on their JSON text, cut at this many characters. */
export const MAX_PROPERTY_TEXT = 100_000;

export class NoteView {
  private lowerPathCache: string | undefined;
  private lowerFileNameCache: string | undefined;
  /** The note's properties, and lower-cased key → its keys spelt that way; read once, on the first property term. */
  private properties: Readonly<Record<string, unknown>> | undefined;
  private keysByLowerName: Map<string, string[]> | undefined;
  private textsByName: Map<string, string[] | null> | undefined;

  constructor(
    readonly path: string,
    private readonly source: QuerySource,
  ) {}

  get lowerPath(): string {
    return (this.lowerPathCache ??= this.path.toLowerCase());
  }

  get lowerFileName(): string {
    const lower = this.lowerPath;
    return (this.lowerFileNameCache ??= lower.slice(lower.lastIndexOf("/") + 1));
  }

  /** Whether the note has the key (any spelling) with a value that is not null; reads no value's text. */
  hasProperty(lowerName: string): boolean {
    const properties = this.readProperties();
    return (this.keysByLowerName?.get(lowerName) ?? []).some((key) => properties[key] !== null && properties[key] !== undefined);
  }

  /**
   * Lower-cased texts of the values under a lower-cased key, keys matched case-insensitively; a list
   * gives one text per element. Null when the note has no such key or only null values under it.
   */
  propertyTexts(lowerName: string): string[] | null {
    const known = (this.textsByName ??= new Map<string, string[] | null>()).get(lowerName);
    if (known !== undefined) return known;
    const properties = this.readProperties();
    let texts: string[] | null = null;
    for (const key of this.keysByLowerName?.get(lowerName) ?? []) {
      const value = properties[key];
      if (value === null || value === undefined) continue;
      texts ??= [];
      for (const element of Array.isArray(value) ? value : [value]) {
        if (element !== null && element !== undefined) texts.push(asText(element).toLowerCase());
      }
    }
    this.textsByName.set(lowerName, texts);
    return texts;
  }

  private readProperties(): Readonly<Record<string, unknown>> {
    if (!this.properties) {
      this.properties = this.source.propertiesOf(this.path) ?? {};
      this.keysByLowerName = keysByLowerName(this.properties);
    }
    return this.properties;
  }
}

function keysByLowerName(properties: Readonly<Record<string, unknown>>): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const key of Object.keys(properties)) {
    const lower = key.toLowerCase();
    const spellings = keys.get(lower);
    if (spellings) spellings.push(key);
    else keys.set(lower, [key]);
  }
  return keys;
}

/** Text of a frontmatter value as the user wrote it: YAML dates come back as dates, nested values as (capped) JSON. */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "object" && value !== null) return boundedJson(value, MAX_PROPERTY_TEXT);
  return "";
}

type Frame = { list: readonly unknown[]; next: number } | { record: Readonly<Record<string, unknown>>; keys: string[]; next: number; written: number };

/**
 * `JSON.stringify` for parsed YAML (lists, maps, strings, numbers, booleans, null, dates), cut at
 * `limit` characters. It walks with its own stack and stops writing at the limit, so neither a
 * deep value nor one that aliases expand (or a cycle) can overflow the stack or run for long.
 */
export function boundedJson(value: unknown, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const write = (text: string): void => {
    parts.push(text);
    length += text.length;
  };
  const frames: Frame[] = [];
  // Writes a scalar, or opens a frame for a list or map.
  const open = (item: unknown): void => {
    if (Array.isArray(item)) {
      write("[");
      frames.push({ list: item, next: 0 });
    } else if (item instanceof Date) {
      write(Number.isNaN(item.getTime()) ? "null" : JSON.stringify(item.toISOString()));
    } else if (typeof item === "object" && item !== null) {
      write("{");
      frames.push({ record: item as Record<string, unknown>, keys: Object.keys(item), next: 0, written: 0 });
    } else {
      write(scalarJson(item));
    }
  };
  open(value);
  while (frames.length > 0 && length < limit) {
    const frame = frames[frames.length - 1]!;
    if ("list" in frame) {
      if (frame.next >= frame.list.length) {
        frames.pop();
        write("]");
        continue;
      }
      if (frame.next > 0) write(",");
      open(frame.list[frame.next++]);
      continue;
    }
    const key = frame.keys[frame.next++];
    if (key === undefined) {
      frames.pop();
      write("}");
      continue;
    }
    const item = frame.record[key];
    // As in JSON.stringify, a map leaves out keys whose values JSON cannot hold.
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    write(`${frame.written++ > 0 ? "," : ""}${JSON.stringify(key)}:`);
    open(item);
  }
  const text = parts.join("");
  return text.length > limit ? text.slice(0, limit) : text;
}

function scalarJson(item: unknown): string {
  if (typeof item === "string") return JSON.stringify(item);
  if (typeof item === "number") return Number.isFinite(item) ? String(item) : "null";
  if (typeof item === "boolean" || typeof item === "bigint") return String(item);
  // null, and inside a list undefined, functions and symbols, which JSON writes as null.
  return "null";
}
