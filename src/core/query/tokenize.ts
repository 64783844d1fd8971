import { parseTechniqueId, techniqueIdAsTag } from "../technique-id";
import { COVERAGE_VALUES, type CoverageValue, type Position, type QueryDialect, type QueryError, type QueryNode } from "./ast";
import { fail, ok, type Result } from "../result";
import { queryError } from "./query-error";

export type TermNode = Extract<QueryNode, { type: "tag" | "path" | "file" | "property" | "technique" | "profile" | "coverage" }>;

/** ATT&CK Vault's own operators: for attack-query blocks, the CLI and the API, never for ```query blocks. */
const ATTACK_OPERATORS = new Set(["technique", "profile", "coverage"]);

export type Token =
  | { kind: "open" | "close" | "or" | "not"; position: Position }
  | { kind: "term"; position: Position; term: TermNode };

const NOT_TEXT = "ATT&CK Vault answers from tags, paths and properties, not note text";

/** Obsidian operators that read note text (or change how text is read), so the index cannot answer them. */
const TEXT_OPERATORS = new Set([
  "content", "line", "block", "section", "task", "task-todo", "task-done", "match-case", "ignore-case",
]);

const OPERATOR_PREFIX = /[A-Za-z][A-Za-z0-9_-]*:/y;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && (ch === " " || ch === "\n" || ch === "\t" || ch === "\r" || /\s/.test(ch));
}

/** Ends a bare value: a space, or a parenthesis that belongs to the grouping around it. */
function endsBareValue(ch: string | undefined): boolean {
  return ch === undefined || ch === "(" || ch === ")" || isSpace(ch);
}

type Step = Result<{ token: Token; end: number }, QueryError>;

/** Splits query text into tokens in one left-to-right pass; the first problem found is returned. */
export function tokenize(text: string, dialect: QueryDialect = "obsidian"): Result<Token[], QueryError> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch === "(" || ch === ")") {
      tokens.push({ kind: ch === "(" ? "open" : "close", position: i });
      i++;
    } else if (ch === "-") {
      const next = text[i + 1];
      if (next === undefined || isSpace(next) || next === ")") {
        return fail(queryError(text, "syntax", 'A "-" must be followed directly by a term or a group, e.g. -tag:foo', i));
      }
      tokens.push({ kind: "not", position: i });
      i++;
    } else {
      const step = readTerm(text, i, dialect);
      if (!step.ok) return step;
      tokens.push(step.value.token);
      i = step.value.end;
    }
  }
  return ok(tokens);
}

function readTerm(text: string, start: number, dialect: QueryDialect): Step {
  const ch = text[start];
  if (ch === '"') {
    const quoted = readQuoted(text, start);
    if (!quoted.ok) return quoted;
    const phrase = quoted.value.value;
    return fail(queryError(text, "unsupported",
      `The quoted phrase "${phrase}" is a text search, which is not supported here: ${NOT_TEXT}; ` +
      `write file:"${phrase}" or path:"${phrase}" instead`, start));
  }
  if (ch === "[") return readProperty(text, start);
  if (ch === "/") {
    return fail(queryError(text, "unsupported", `Regular expressions ("/…/") are not supported here: ${NOT_TEXT}`, start));
  }
  // Obsidian reads a bare #foo as text, but people writing it mean the tag, so it is a tag search here.
  if (ch === "#") return readOperatorValue(text, start, "tag", start + 1);
  OPERATOR_PREFIX.lastIndex = start;
  const prefix = OPERATOR_PREFIX.exec(text);
  if (prefix) {
    // `Tag:x` is taken as `tag:x`: a capitalised operator is a slip, never a text search someone wants.
    const operator = prefix[0].slice(0, -1).toLowerCase();
    const valueStart = start + prefix[0].length;
    if (operator === "tag" || operator === "path" || operator === "file" || (ATTACK_OPERATORS.has(operator) && dialect === "attack")) {
      return readOperatorValue(text, start, operator as ValueOperator, valueStart);
    }
    const written = prefix[0];
    if (operator === "technique") {
      return fail(queryError(text, "unsupported",
        `"technique:" is ATT&CK Vault's own operator, for attack-query blocks, the CLI and the API; a query block lists what ` +
        `Obsidian's search lists, and there tag: is exact, so write the tag as the vault spells it (tag:T1059_001), or make this an attack-query block`, start));
    }
    if (ATTACK_OPERATORS.has(operator)) {
      return fail(queryError(text, "unsupported",
        `"${written}" is ATT&CK Vault's own operator, for attack-query blocks, the CLI and the API; a query block lists what Obsidian's search lists, so make this an attack-query block`, start));
    }
    if (TEXT_OPERATORS.has(operator)) {
      return fail(queryError(text, "unsupported", `"${written}" is not supported here: ${NOT_TEXT}`, start));
    }
    const operators = dialect === "attack" ? "tag:, technique:, profile:, coverage:, path:, file: or [property]" : "tag:, path:, file: or [property]";
    return fail(queryError(text, "unsupported",
      `"${written}" is not a search operator ATT&CK Vault understands; use ${operators}`, start));
  }
  let end = start;
  while (!endsBareValue(text[end])) end++;
  const word = text.slice(start, end);
  if (word === "OR") return ok({ token: { kind: "or", position: start }, end });
  if (word === "AND") {
    return fail(queryError(text, "unsupported",
      '"AND" is not an operator in Obsidian search: terms side by side are already ANDed, so leave it out', start));
  }
  return fail(queryError(text, "unsupported",
    `"${word}" is a text search, which is not supported here: ${NOT_TEXT}; write file:${word} or tag:${word} instead`, start));
}

type ValueOperator = "tag" | "path" | "file" | "technique" | "profile" | "coverage";

const EXAMPLES: Record<ValueOperator, [string, string]> = {
  tag: ["a tag", "tag:detection_rule"],
  path: ["a value", 'path:"Use Cases"'],
  file: ["a value", 'file:"Use Cases"'],
  technique: ["a technique ID", "technique:T1059.001"],
  profile: ["a threat profile's name, ATT&CK ID or alias", 'profile:G0016 or profile:"Our threat model"'],
  coverage: [`one of ${COVERAGE_VALUES.join(", ")}`, "coverage:gap"],
};

/** Reads the value of an operator (spaces after the colon allowed, as the real vault writes `tag: x`). */
function readOperatorValue(text: string, start: number, operator: ValueOperator, valueStart: number): Step {
  let i = valueStart;
  while (text[i] === " " || text[i] === "\t") i++;
  const written = operator === "tag" && text[start] === "#" ? "#" : `${operator}:`;
  let value: string;
  if (text[i] === '"') {
    const quoted = readQuoted(text, i);
    if (!quoted.ok) return quoted;
    value = quoted.value.value;
    i = quoted.value.end;
  } else if (text[i] === "(") {
    return fail(queryError(text, "unsupported",
      `"${written}(…)" is not supported here; write each value as its own term, e.g. (${written}a OR ${written}b)`, start));
  } else {
    const from = i;
    while (!endsBareValue(text[i])) i++;
    value = text.slice(from, i);
  }
  if (operator === "tag") value = value.replace(/^#/, "").toLowerCase();
  if (value === "") {
    const [what, example] = EXAMPLES[operator];
    return fail(queryError(text, "syntax", `"${written}" needs ${what} after it, e.g. ${example}`, start));
  }
  if (operator === "technique") return techniqueTerm(text, start, value, i);
  if (operator === "coverage") return coverageTerm(text, start, value, i);
  const term: TermNode = operator === "tag"
    ? { type: "tag", tag: value, position: start }
    : operator === "profile"
      ? { type: "profile", name: value, position: start }
      : { type: operator, value, position: start };
  return ok({ token: { kind: "term", position: start, term }, end: i });
}

/** `coverage:` takes one of COVERAGE_VALUES, in any case. */
function coverageTerm(text: string, start: number, value: string, end: number): Step {
  const wanted = value.toLowerCase() as CoverageValue;
  if (!COVERAGE_VALUES.includes(wanted)) {
    return fail(queryError(text, "syntax", `"coverage:" takes ${COVERAGE_VALUES.join(", ")}, not "${value}"`, start));
  }
  return ok({ token: { kind: "term", position: start, term: { type: "coverage", value: wanted, position: start } }, end });
}

/** `technique:` takes an ID in any spelling the core knows: `T1059.001`, `t1059_001`, `attack.t1059.001`. */
function techniqueTerm(text: string, start: number, value: string, end: number): Step {
  const id = parseTechniqueId(value);
  if (!id) {
    return fail(queryError(text, "syntax",
      `"technique:" needs an ATT&CK technique ID such as T1059 or T1059.001 (any spelling: ${techniqueIdAsTag("T1059.001").toLowerCase()}, attack.t1059.001), not "${value}"`, start));
  }
  return ok({ token: { kind: "term", position: start, term: { type: "technique", id, position: start } }, end });
}

/** Reads `[name]`, `[name:value]` or `[name:"value"]`; an unquoted part stops at `]` or the end of the line. */
function readProperty(text: string, start: number): Step {
  // A function, not a value: building an error walks the text for its line, which must not happen per term.
  const unclosed = () => fail(queryError(text, "syntax", 'This "[" is never closed; add a "]"', start));
  let i = start + 1;
  while (i < text.length && text[i] !== ":" && text[i] !== "]" && text[i] !== "\n") i++;
  if (i >= text.length || text[i] === "\n") return unclosed();
  const name = text.slice(start + 1, i).trim();
  if (name === "") {
    return fail(queryError(text, "syntax", 'A "[…]" search needs a property name, e.g. [severity] or [severity:high]', start));
  }
  let value: string | null = null;
  if (text[i] === ":") {
    i++;
    while (text[i] === " " || text[i] === "\t") i++;
    if (text[i] === '"') {
      const quoted = readQuoted(text, i);
      if (!quoted.ok) return quoted;
      value = quoted.value.value;
      i = quoted.value.end;
      while (text[i] === " " || text[i] === "\t") i++;
      if (text[i] !== "]") {
        if (i >= text.length || text[i] === "\n") return unclosed();
        return fail(queryError(text, "syntax", 'Expected "]" right after the quoted property value', i));
      }
    } else if (text[i] === "(") {
      return fail(queryError(text, "unsupported",
        `"[${name}:(…)]" is not supported here; write ([${name}:a] OR [${name}:b]) instead`, start));
    } else {
      const from = i;
      while (i < text.length && text[i] !== "]" && text[i] !== "\n") i++;
      if (i >= text.length || text[i] === "\n") return unclosed();
      value = text.slice(from, i).trim();
    }
    if (value === "") value = null;
  }
  const term: TermNode = { type: "property", name, value, position: start };
  return ok({ token: { kind: "term", position: start, term }, end: i + 1 });
}

/** Reads a `"…"` string where a backslash takes the next character as is (so `\"` is a quote). */
function readQuoted(text: string, quote: number): Result<{ value: string; end: number }, QueryError> {
  const parts: string[] = [];
  let from = quote + 1;
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\" && i + 1 < text.length) {
      parts.push(text.slice(from, i), text.charAt(i + 1));
      i += 2;
      from = i;
    } else if (ch === '"') {
      parts.push(text.slice(from, i));
      return ok({ value: parts.join(""), end: i + 1 });
    } else {
      i++;
    }
  }
  return fail(queryError(text, "syntax", 'This quote is never closed; add a closing "', quote));
}
