import type { QueryDialect, QueryError, QueryNode } from "./ast";
import { fail, ok, type Result } from "../result";
import { MAX_NESTING, queryError } from "./query-error";
import { tokenize, type Token } from "./tokenize";

/**
 * Parses a `query` block in Obsidian search syntax: terms side by side are ANDed, `OR` binds
 * looser than AND, `-` negates a term or group, parentheses group. Never throws.
 */
export function parseQuery(text: string, dialect: QueryDialect = "obsidian"): Result<QueryNode, QueryError> {
  const tokens = tokenize(text, dialect);
  if (!tokens.ok) return tokens;
  if (tokens.value.length === 0) {
    return fail(queryError(text, "empty", "This query block is empty: write a search such as tag:detection_rule", 0));
  }
  return new Parser(text, tokens.value).parseAll();
}

type Parsed = Result<QueryNode, QueryError>;

class Parser {
  private next = 0;

  constructor(private readonly text: string, private readonly tokens: Token[]) {}

  parseAll(): Parsed {
    const query = this.parseSequence(0, null);
    if (!query.ok) return query;
    const stray = this.tokens[this.next];
    if (stray) return this.syntax('This ")" has no matching "("', stray.position);
    return query;
  }

  /** Reads OR-separated runs of ANDed terms up to the end or a `)`, which it leaves for the caller. */
  private parseSequence(depth: number, open: Token | null): Parsed {
    const branches: QueryNode[] = [];
    let terms: QueryNode[] = [];
    let lastOr: Token | null = null;
    for (let token = this.tokens[this.next]; token && token.kind !== "close"; token = this.tokens[this.next]) {
      if (token.kind === "or") {
        if (terms.length === 0) return this.syntax('"OR" needs a term on both sides', token.position);
        branches.push(combine("and", terms));
        terms = [];
        lastOr = token;
        this.next++;
        continue;
      }
      const unary = this.parseUnary(depth);
      if (!unary.ok) return unary;
      terms.push(unary.value);
    }
    if (terms.length === 0) {
      if (lastOr) return this.syntax('"OR" needs a term on both sides', lastOr.position);
      if (open) return this.syntax("These parentheses are empty; put a search inside them", open.position);
      // At the top the token list is not empty, so nothing was read only because it starts with ")".
      return this.syntax('This ")" has no matching "("', this.tokens[this.next]?.position ?? 0);
    }
    branches.push(combine("and", terms));
    return ok(combine("or", branches));
  }

  /** Reads `-`* then a term or group; each `-` counts as one level of nesting. */
  private parseUnary(depth: number): Parsed {
    let negations = 0;
    let lastMinus = -1;
    for (let token = this.tokens[this.next]; token?.kind === "not"; token = this.tokens[this.next]) {
      if (depth + negations + 1 > MAX_NESTING) return this.tooDeep(token.position);
      negations++;
      lastMinus = token.position;
      this.next++;
    }
    const operand = this.tokens[this.next];
    if (negations > 0 && (!operand || operand.kind === "close" || operand.kind === "or")) {
      return this.syntax('A "-" must be followed directly by a term or a group, e.g. -tag:foo', lastMinus);
    }
    const primary = this.parsePrimary(depth + negations);
    if (!primary.ok) return primary;
    let node = primary.value;
    for (let n = 0; n < negations; n++) node = { type: "not", child: node };
    return ok(node);
  }

  private parsePrimary(depth: number): Parsed {
    const token = this.tokens[this.next];
    if (!token) return this.syntax("The query ends where a term was expected", this.text.length);
    if (token.kind === "term") {
      this.next++;
      return ok(token.term);
    }
    if (token.kind !== "open") return this.syntax("A term was expected here", token.position);
    if (depth + 1 > MAX_NESTING) return this.tooDeep(token.position);
    this.next++;
    const inner = this.parseSequence(depth + 1, token);
    if (!inner.ok) return inner;
    if (this.tokens[this.next]?.kind !== "close") {
      return this.syntax('This "(" is never closed; add a ")"', token.position);
    }
    this.next++;
    return inner;
  }

  private tooDeep(position: number): Parsed {
    return this.syntax(`The query has nesting deeper than ${MAX_NESTING} levels of parentheses and "-"`, position);
  }

  private syntax(sentence: string, position: number): Parsed {
    return fail(queryError(this.text, "syntax", sentence, position));
  }
}

/** One child stands for itself, so `(a)` and a lone term add no wrapper node. */
function combine(type: "and" | "or", children: QueryNode[]): QueryNode {
  const [only] = children;
  return children.length === 1 && only ? only : { type, children };
}
