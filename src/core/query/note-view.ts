/**
 * One note as the query matchers see it. Property texts are built per asked key, within a budget
 * per note: YAML aliases let a 600-byte note hold hundreds of millions of strings, so turning every
 * value into JSON, as a property term once did, froze the app for most of a minute, and a cap per
 * value still let a list of 30,000 aliases cost 30,000 capped values.
 */
import type { QuerySource } from "./ast";

/** Nested values (lists of lists, maps) are matched on their JSON text, cut at this many characters. */
export const MAX_PROPERTY_TEXT = 100_000;

/**
 * What property terms may spend on one note, in characters read and values visited: this much per
 * byte of its frontmatter, beyond a floor. Without aliases a value's text is at most a few times its
 * YAML; a note past its budget is left out of the term's results, with a warning.
 */
export const PROPERTY_WORK_PER_BYTE = 16;
export const PROPERTY_WORK_FLOOR = 16_384;
/** The budget of a record that does not say how long its frontmatter is (one built by hand). */
export const PROPERTY_WORK_UNSIZED = 1_000_000;

export function propertyWorkLimit(frontmatterSize: number | undefined): number {
  return frontmatterSize === undefined ? PROPERTY_WORK_UNSIZED : PROPERTY_WORK_FLOOR + PROPERTY_WORK_PER_BYTE * frontmatterSize;
}

/** Work left for one note; every text built for a property term takes from it. */
export interface WorkBudget {
  left: number;
  /** Lists and maps already written whole for this note, by identity (see WrittenValue). */
  written?: Map<object, WrittenValue>;
}

/**
 * Where a list or map was first written whole: YAML aliases put one object in many places, and a
 * repeat is written by copying that text, not by walking the object again. It is charged to the
 * budget as if walked, and copied only when it fits, so the budget cuts a note where it always did
 * and the text is the walk's; only the time is saved.
 */
interface WrittenValue {
  parts: string[];
  start: number;
  /** -1 until the object's closing bracket is written: an object inside itself is walked, not copied. */
  end: number;
  visits: number;
  text?: string;
}

function copiedText(written: WrittenValue): string {
  return (written.text ??= written.parts.slice(written.start, written.end).join(""));
}

export class NoteView {
  private lowerPathCache: string | undefined;
  private lowerFileNameCache: string | undefined;
  /** The note's properties, and lower-cased key → its keys spelt that way; read once, on the first property term. */
  private properties: Readonly<Record<string, unknown>> | undefined;
  private keysByLowerName: Map<string, string[]> | undefined;
  private textsByName: Map<string, string[] | null> | undefined;
  private budget: WorkBudget | undefined;
  /** Set when a property term could not tell whether a value is there: the note's answer may be wrong. */
  unsure = false;

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

  /** True once property texts were cut short because the note's budget ran out: a term that found nothing cannot say "no". */
  get overBudget(): boolean {
    return this.budget !== undefined && this.budget.left <= 0;
  }

  /**
   * Lower-cased texts of the values under a lower-cased key, keys matched case-insensitively; a list
   * gives one text per element. Null when the note has no such key or only null values under it.
   * Past the note's budget the last text is cut and later elements are left out (see overBudget).
   */
  propertyTexts(lowerName: string): string[] | null {
    const known = (this.textsByName ??= new Map<string, string[] | null>()).get(lowerName);
    if (known !== undefined) return known;
    const properties = this.readProperties();
    const budget = (this.budget ??= { left: this.source.propertyWorkLimit?.(this.path) ?? PROPERTY_WORK_UNSIZED });
    let texts: string[] | null = null;
    // Aliases repeat one text element after element; it is lower-cased once.
    let lastText = "";
    let lastLower = "";
    for (const key of this.keysByLowerName?.get(lowerName) ?? []) {
      const value = properties[key];
      if (value === null || value === undefined) continue;
      texts ??= [];
      for (const element of Array.isArray(value) ? value : [value]) {
        if (budget.left <= 0) break;
        budget.left--;
        if (element === null || element === undefined) continue;
        const text = asText(element, budget);
        if (text !== lastText) {
          lastText = text;
          lastLower = text.toLowerCase();
        }
        texts.push(lastLower);
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

/**
 * Text of a frontmatter value as the user wrote it: YAML dates come back as dates, nested values as
 * (capped) JSON. With a budget, the text is cut where the budget runs out, and takes from it.
 */
export function asText(value: unknown, budget?: WorkBudget): string {
  if (typeof value === "string") {
    if (!budget) return value;
    const text = value.length > budget.left ? value.slice(0, Math.max(0, budget.left)) : value;
    budget.left -= value.length;
    return text;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  // With a budget the note's budget is the only cap: a long value in a long frontmatter is read whole.
  if (typeof value === "object" && value !== null) return boundedJson(value, budget ? budget.left : MAX_PROPERTY_TEXT, budget);
  return "";
}

type Walk = { list: readonly unknown[]; next: number } | { record: Readonly<Record<string, unknown>>; keys: string[]; next: number; written: number };
type Frame = Walk & {
  /** Set when the budget remembers this object, to note where its text ends. */
  memo?: WrittenValue;
  visitedAtOpen: number;
};

/**
 * `JSON.stringify` for parsed YAML (lists, maps, strings, numbers, booleans, null, dates), cut at
 * `limit` characters. It walks with its own stack and stops writing at the limit, so neither a
 * deep value nor one that aliases expand (or a cycle) can overflow the stack or run for long. With a
 * budget, every value visited and every character written takes from it, and it stops when it runs out.
 */
export function boundedJson(value: unknown, limit: number, budget?: WorkBudget): string {
  // Values visited count only against a budget: without one, the cut is at `limit` characters, as JSON.stringify would write them.
  const cap = Math.min(limit, budget?.left ?? Infinity);
  const step = budget ? 1 : 0;
  let visited = 0;
  const parts: string[] = [];
  let length = 0;
  const write = (text: string): void => {
    parts.push(text);
    length += text.length;
  };
  const frames: Frame[] = [];
  const memos = budget ? (budget.written ??= new Map<object, WrittenValue>()) : undefined;
  // A list or map written whole before is copied; otherwise a frame is opened and, with a budget, remembered.
  const openObject = (item: object, bracket: string, walk: Walk): void => {
    const before = memos?.get(item);
    // Copied only when the walk would have finished it before the cap, so a cut falls where a walk puts it.
    if (before && before.end !== -1 && length + visited + copiedText(before).length + before.visits < cap) {
      write(copiedText(before));
      visited += before.visits;
      return;
    }
    write(bracket);
    const memo = memos && !before ? { parts, start: parts.length - 1, end: -1, visits: 0 } : undefined;
    if (memo) memos?.set(item, memo);
    frames.push({ ...walk, memo, visitedAtOpen: visited });
  };
  const close = (frame: Frame, bracket: string): void => {
    frames.pop();
    write(bracket);
    if (frame.memo) {
      frame.memo.end = parts.length;
      frame.memo.visits = visited - frame.visitedAtOpen;
    }
  };
  // Writes a scalar, or opens a frame for a list or map.
  const open = (item: unknown): void => {
    if (Array.isArray(item)) openObject(item, "[", { list: item, next: 0 });
    else if (item instanceof Date) write(Number.isNaN(item.getTime()) ? "null" : JSON.stringify(item.toISOString()));
    else if (typeof item === "object" && item !== null) openObject(item, "{", { record: item as Record<string, unknown>, keys: Object.keys(item), next: 0, written: 0 });
    else write(scalarJson(item));
  };
  open(value);
  while (frames.length > 0 && length + visited < cap) {
    visited += step;
    const frame = frames[frames.length - 1]!;
    if ("list" in frame) {
      if (frame.next >= frame.list.length) {
        close(frame, "]");
        continue;
      }
      if (frame.next > 0) write(",");
      open(frame.list[frame.next++]);
      continue;
    }
    const key = frame.keys[frame.next++];
    if (key === undefined) {
      close(frame, "}");
      continue;
    }
    const item = frame.record[key];
    // As in JSON.stringify, a map leaves out keys whose values JSON cannot hold.
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    write(`${frame.written++ > 0 ? "," : ""}${JSON.stringify(key)}:`);
    open(item);
  }
  const text = parts.join("");
  if (budget) budget.left -= length + visited;
  return text.length > cap ? text.slice(0, Math.max(0, cap)) : text;
}

function scalarJson(item: unknown): string {
  if (typeof item === "string") return JSON.stringify(item);
  if (typeof item === "number") return Number.isFinite(item) ? String(item) : "null";
  if (typeof item === "boolean" || typeof item === "bigint") return String(item);
  // null, and inside a list undefined, functions and symbols, which JSON writes as null.
  return "null";
}
