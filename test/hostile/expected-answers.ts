/**
 * What the hostile notes must still answer, written by hand from the fixture notes: odd notes that
 * are valid (5 MB, NUL bytes in the body, Latin-1 bytes, markup in names) count like any other.
 */
import { compareCodeUnits } from "../../src/core/order";
import { GENERATED, GENERATED_QUERIES, UNPORTABLE_NAMES_ALLOWED } from "../fixtures/hostile-vault";


/**
 * The detection rules of T1490. Not among them: `unclosed_frontmatter.md` (no closing `---`, so no
 * properties, and it names T1499 anyway) and `nul_in_frontmatter.md` (its YAML does not parse).
 */
export const T1490_RULES = [
  "Detection Rules/[[link]] #hash ^caret.md",
  "Detection Rules/billion_laughs.md",
  GENERATED.huge,
  GENERATED.latin1,
  GENERATED.nulBytes,
  "Detection Rules/odd_tag_values.md",
  "Detection Rules/prototype_keys.md",
  ...(UNPORTABLE_NAMES_ALLOWED ? [GENERATED.markupName, GENERATED.javascriptName] : []),
].sort(compareCodeUnits);

export const T1490_NOTE = "Use Cases/T1490 - Inhibit System Recovery.md";
export const T1490_TEST = "Testing Runbooks/T1490 - Inhibit System Recovery.md";
export const T1486_NOTES = ["Use Cases/T1486 - Data Encrypted for Impact (second copy).md", "Use Cases/T1486 - Data Encrypted for Impact.md"];
export const T1491_NOTE = "Use Cases/T1491 - Defacement.md";

/** Notes carrying a tag key from t1000 to t1498 (the generated 10,000-term OR): T1059, T1105, T1486, T1490, T1491. */
export const TAGGED_T1000_TO_T1498 = [
  "Use Cases/T1059 - Command and Scripting Interpreter.md",
  "Use Cases/T1105 - Ingress Tool Transfer.md",
  "Detection Rules/posh_ps_download_cradle.md",
  "Detection Rules/proc_creation_win_certutil_urlcache_download.md",
  "Testing Runbooks/T1105 - Ingress Tool Transfer.md",
  ...T1486_NOTES,
  T1490_NOTE,
  T1490_TEST,
  ...T1490_RULES,
  T1491_NOTE,
].sort(compareCodeUnits);

/** Each query block of the hostile notes, found by its note and its query text, with its error or its results. */
export const HOSTILE_BLOCKS: Array<[note: string, query: string, answer: RegExp | string[]]> = [
  ["Hostile queries.md", "", /^This query block is empty/],
  ["Hostile queries.md", "   ", /^This query block is empty/],
  ["Hostile queries.md", 'path:"Detection Rules', /^This quote is never closed/],
  ["Hostile queries.md", "(tag:detection_rule tag:t1490", /^This "\(" is never closed/],
  ["Hostile queries.md", "tag:detection_rule) tag:t1490", /^This "\)" has no matching "\("/],
  ["Hostile queries.md", "/T1\\d{3}/", /^Regular expressions \("\/…\/"\) are not supported here/],
  ["Hostile queries.md", 'content:"powershell" line:(encoded) section:x', /^"content:" is not supported here/],
  ["Hostile queries.md", "tag:(t1490 OR t1486)", /^"tag:\(…\)" is not supported here/],
  ["Hostile queries.md", "tag:detection_rule AND tag:t1490", /^"AND" is not an operator in Obsidian search/],
  ["Hostile queries.md", "<img src=x onerror=alert('query')>", /^"<img" is a text search, which is not supported here/],
  ["Hostile queries.md", "[title:<script>alert('query')</script>] tag:t1490", []],
  // The aliases expand to "lol" everywhere; the capped JSON text still holds it.
  ["Hostile queries.md", "[l8:lol]", ["Detection Rules/billion_laughs.md"]],
  ["Hostile queries.md", "[level:critical]", []],
  ["Hostile queries.md", 'tag:detection_rule tag:t1490 -[title:"billion"]', T1490_RULES.filter((path) => path !== "Detection Rules/billion_laughs.md")],
  [GENERATED.deepQueries, GENERATED_QUERIES.deepParentheses, /^The query has nesting deeper than 256 levels/],
  [GENERATED.deepQueries, GENERATED_QUERIES.unclosedParentheses, /^The query has nesting deeper than 256 levels/],
  [GENERATED.deepQueries, GENERATED_QUERIES.deepNegation, /^The query has nesting deeper than 256 levels/],
  [GENERATED.deepQueries, GENERATED_QUERIES.manyOr, TAGGED_T1000_TO_T1498],
  [GENERATED.deepQueries, GENERATED_QUERIES.manyAnd, T1490_RULES],
  [T1490_NOTE, "tag: detection_rule\ntag: T1490", T1490_RULES],
  [T1490_NOTE, "tag: atomic_test\ntag: T1490", [T1490_TEST]],
  ["Use Cases/T1486 - Data Encrypted for Impact.md", "tag: detection_rule\ntag: T1486", []],
  [GENERATED.nulBytes, GENERATED_QUERIES.nul, []],
];
