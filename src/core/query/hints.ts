/**
 * Advice on a query that parses but cannot mean what its writer meant: `tag:T1059.001` matches
 * nothing in Obsidian, whose tags cannot hold ".", though people type technique IDs that way.
 */
import { parseTechniqueId, techniqueIdAsTag } from "../technique-id";
import { ok, type Result } from "../result";
import type { QueryDialect, QueryError, QueryNode, QuerySource } from "./ast";
import { evaluateQuery, type EvaluateOptions, type QueryReport } from "./evaluate";
import { parseQuery } from "./parse";

/** One sentence per tag term that holds a dotted technique ID and matches no note, naming both fixes. */
export function queryHints(query: QueryNode, source: Pick<QuerySource, "pathsWithTag">, dialect: QueryDialect): string[] {
  const hints: string[] = [];
  const seen = new Set<string>();
  const pending: QueryNode[] = [query];
  for (let node = pending.pop(); node; node = pending.pop()) {
    // Children pushed last first, so hints come in the query's order; one push each, as a query may hold thousands.
    if (node.type === "and" || node.type === "or") for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as QueryNode);
    else if (node.type === "not") pending.push(node.child);
    else if (node.type === "tag" && node.tag.includes(".") && !seen.has(node.tag)) {
      seen.add(node.tag);
      const id = parseTechniqueId(node.tag);
      if (id && source.pathsWithTag(node.tag).size === 0) hints.push(dottedIdHint(node.tag, id, dialect));
    }
  }
  return hints;
}

function dottedIdHint(tag: string, id: string, dialect: QueryDialect): string {
  const technique = dialect === "attack" ? `or technique:${id}` : `or, in an attack-query block, technique:${id}`;
  return (
    `tag:${tag} matches no note: tag: is Obsidian's and exact, and an Obsidian tag cannot hold ".". ` +
    `Write tag:${techniqueIdAsTag(id)}, as technique tags are spelt, ${technique}, ATT&CK Vault's own, which matches the technique in any spelling.`
  );
}

export interface QueryAnswer {
  paths: string[];
  /** See queryHints; empty for most queries. */
  hints: string[];
}

/** Parses, evaluates and advises in one step: what the CLI and the API answer a query with. */
export function answerQuery(text: string, source: QuerySource, dialect: QueryDialect, report?: QueryReport, options: EvaluateOptions = {}): Result<QueryAnswer, QueryError> {
  const parsed = parseQuery(text, dialect);
  if (!parsed.ok) return parsed;
  return ok({ paths: evaluateQuery(parsed.value, source, report, options), hints: queryHints(parsed.value, source, dialect) });
}
