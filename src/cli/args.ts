/** The command line: `attack-vault <command> <vault> [text] [--flag value]…`, parsed without a library. */

export class UsageError extends Error {}

export interface FlagSpec {
  /** Takes a value (`--platform Windows`), or is a switch (`--json`). */
  takesValue: boolean;
  /** May be given more than once, each value kept (`--profile APT29 --profile FIN7`); read with listFlag. */
  repeatable?: boolean;
}

export interface ParsedArgs {
  command: string;
  positionals: string[];
  /** A repeatable option's first value; listFlag reads them all. */
  flags: Map<string, string | true>;
  /** Every value of each repeatable option given, in order. */
  lists?: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], flagSpecs: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError("no command given; try `attack-vault --help`");
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? "";
    if (!word.startsWith("--") || word === "--") {
      positionals.push(word);
      continue;
    }
    const [name = "", inlineValue] = word.slice(2).split(/=(.*)/s, 2);
    const spec = flagSpecs[name];
    if (!spec) throw new UsageError(`unknown option --${name} for \`${command}\`; try \`attack-vault --help\``);
    if (!spec.takesValue) {
      flags.set(name, true);
      continue;
    }
    const value = inlineValue ?? rest[++i];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value`);
    // An empty value (`--navigator ""`) would otherwise be taken as no option at all.
    if (value.trim() === "") throw new UsageError(`--${name} needs a value, not an empty one`);
    if (spec.repeatable) {
      const values = lists.get(name);
      if (values) values.push(value);
      else lists.set(name, [value]);
      if (!flags.has(name)) flags.set(name, value);
      continue;
    }
    // Never "the last one wins": a repeated option would silently drop what was given first.
    const earlier = flags.get(name);
    if (typeof earlier === "string") throw new UsageError(`--${name} was given twice (${earlier}, ${value}); give it once`);
    flags.set(name, value);
  }
  return { command, positionals, flags, lists };
}

/** Refuses more positional arguments than the command takes, which it would otherwise drop. */
export function checkPositionals(args: ParsedArgs, takes: readonly string[]): void {
  const extra = args.positionals.slice(takes.length);
  if (extra.length === 0) return;
  throw new UsageError(
    `\`${args.command}\` takes ${takes.join(" and ")}, but was given ${args.positionals.length} arguments; ` +
      `${extra.map((word) => `\`${word}\``).join(", ")} ${extra.length === 1 ? "is" : "are"} more than it takes (quote an argument that holds spaces)`,
  );
}

/** A tag given on the command line, written as queries and settings accept it: `#detection_rule` is `detection_rule`. */
export function tagFlag(args: ParsedArgs, name: string): string | undefined {
  const value = stringFlag(args, name);
  if (value === undefined) return undefined;
  const tag = value.trim().replace(/^#/, "");
  if (tag === "") throw new UsageError(`--${name} needs a tag, not \`${value}\``);
  return tag;
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Every value a repeatable option was given, in order; empty when it was not given. */
export function listFlag(args: ParsedArgs, name: string): string[] {
  const values = args.lists?.get(name);
  if (values) return [...values];
  const value = args.flags.get(name);
  return typeof value === "string" ? [value] : [];
}
