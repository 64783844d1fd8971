/** The command line parsed without a library: flags as specified, nothing given twice or dropped. */
import { checkPositionals, listFlag, parseArgs, stringFlag, tagFlag, UsageError, type ParsedArgs } from "../../src/cli/args";

const SPECS = { json: { takesValue: false }, platform: { takesValue: true }, "rule-tag": { takesValue: true } };

/** The parse as plain values, or the usage error's message. */
function parsed(argv: string[]): { command: string; positionals: string[]; flags: Record<string, string | true> } | string {
  try {
    const args = parseArgs(argv, SPECS);
    return { command: args.command, positionals: args.positionals, flags: Object.fromEntries(args.flags) };
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
}

describe("parseArgs", () => {
  test.each<[string, string[], ReturnType<typeof parsed>]>([
    ["a command, its vault and a switch", ["coverage", "vault", "--json"], { command: "coverage", positionals: ["vault"], flags: { json: true } }],
    ["a value after the flag", ["coverage", "vault", "--platform", "Linux"], { command: "coverage", positionals: ["vault"], flags: { platform: "Linux" } }],
    ["a value after =, which may hold =", ["coverage", "v", "--platform=a=b"], { command: "coverage", positionals: ["v"], flags: { platform: "a=b" } }],
    ["-- and single-dash words are positionals", ["query", "v", "-x", "--"], { command: "query", positionals: ["v", "-x", "--"], flags: {} }],
    ["no command", [], "no command given; try `attack-vault --help`"],
    ["an unknown option", ["coverage", "--nope"], "unknown option --nope for `coverage`; try `attack-vault --help`"],
    ["a value missing at the end", ["coverage", "--platform"], "--platform needs a value"],
    ["a flag where the value should be", ["coverage", "--platform", "--json"], "--platform needs a value"],
    ["an empty value", ["coverage", "--platform", " "], "--platform needs a value, not an empty one"],
    ["a value given twice", ["coverage", "--platform", "a", "--platform=b"], "--platform was given twice (a, b); give it once"],
  ])("%s", (_name, argv, expected) => {
    expect(parsed(argv)).toEqual(expected);
  });
});

const args = (positionals: string[], flags: Record<string, string | true> = {}): ParsedArgs => ({ command: "query", positionals, flags: new Map(Object.entries(flags)) });

describe("checkPositionals", () => {
  test("takes as many as the command names", () => {
    expect(() => checkPositionals(args(["v", "tag:x"]), ["<vault>", '"<query text>"'])).not.toThrow();
  });

  test.each([
    [["v", "tag:x", "extra"], "`query` takes <vault> and \"<query text>\", but was given 3 arguments; `extra` is more than it takes (quote an argument that holds spaces)"],
    [["v", "tag:x", "a", "b"], "`query` takes <vault> and \"<query text>\", but was given 4 arguments; `a`, `b` are more than it takes (quote an argument that holds spaces)"],
  ])("refuses more, naming them: %j", (positionals, message) => {
    expect(() => checkPositionals(args(positionals), ["<vault>", '"<query text>"'])).toThrow(new UsageError(message));
  });
});

describe("tagFlag and stringFlag", () => {
  test.each<[string | true | undefined, string | undefined]>([
    ["#detection_rule", "detection_rule"],
    [" sigma ", "sigma"],
    [undefined, undefined],
    [true, undefined],
  ])("--rule-tag %j reads as %j", (value, tag) => {
    expect(tagFlag(args([], value === undefined ? {} : { "rule-tag": value }), "rule-tag")).toBe(tag);
  });

  test("a tag that is only # is refused", () => {
    expect(() => tagFlag(args([], { "rule-tag": "#" }), "rule-tag")).toThrow(new UsageError("--rule-tag needs a tag, not `#`"));
  });

  test("stringFlag gives a switch's absence and a value's text", () => {
    expect([stringFlag(args([], { json: true }), "json"), stringFlag(args([], { platform: "Linux" }), "platform")]).toEqual([undefined, "Linux"]);
  });
});

const REPEATABLE_SPECS = { profile: { takesValue: true, repeatable: true }, platform: { takesValue: true }, json: { takesValue: false } };

describe("repeatable options", () => {
  test.each<[string, string[], string[]]>([
    ["every value kept, in order", ["coverage", "v", "--profile", "APT29", "--profile=FIN7"], ["APT29", "FIN7"]],
    ["once is a list of one", ["coverage", "v", "--profile", "G0016"], ["G0016"]],
    ["not given is empty", ["coverage", "v"], []],
  ])("%s", (_name, argv, values) => {
    expect(listFlag(parseArgs(argv, REPEATABLE_SPECS), "profile")).toEqual(values);
  });

  test("the first value still reads as the option's value", () => {
    expect(stringFlag(parseArgs(["coverage", "v", "--profile", "a", "--profile", "b"], REPEATABLE_SPECS), "profile")).toBe("a");
  });

  test("an option that is not repeatable is still refused twice", () => {
    expect(() => parseArgs(["coverage", "v", "--platform", "Windows", "--platform", "Linux"], REPEATABLE_SPECS)).toThrow(UsageError);
  });
});
