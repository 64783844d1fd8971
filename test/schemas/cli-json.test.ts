/**
 * The CLI's JSON is a public interface: its real output, over the example and hostile vaults and
 * with every option that adds a field, validates against the schemas in docs/schemas/, and every
 * field those schemas allow is described there.
 */
import Ajv, { type ValidateFunction } from "ajv";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildHostileVault, removeVault } from "../fixtures/hostile-vault";
import { runCliProcess } from "../support/build-cli";
import { EXAMPLE_VAULT, REPO_ROOT } from "../support/paths";

type Schema = Record<string, unknown>;

const SCHEMAS = ["coverage", "blocks", "query"] as const;
const schemaOf = (name: string): Schema => JSON.parse(readFileSync(join(REPO_ROOT, `docs/schemas/${name}.schema.json`), "utf8")) as Schema;
// strictRequired off: `oneOf: [{ required: ["results"] }, { required: ["error"] }]` names properties defined beside it.
const ajv = (): Ajv => new Ajv({ allErrors: true, strict: true, strictRequired: false });
const validators = new Map<string, ValidateFunction>(SCHEMAS.map((name) => [name, ajv().compile(schemaOf(name))]));

function problems(schema: string, stdout: string): string[] {
  const validate = validators.get(schema)!;
  return validate(JSON.parse(stdout)) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`);
}

const hostileVault = buildHostileVault({ hostile: true });
afterAll(() => removeVault(hostileVault));
const layers = mkdtempSync(join(tmpdir(), "attack-vault-schema-"));
const baseline = join(layers, "baseline.json");
runCliProcess(["coverage", EXAMPLE_VAULT, "--navigator", baseline]);

// A block with a hint (tag: holding a dotted ID) and one refused (technique: in a ```query block).
const hinted = mkdtempSync(join(tmpdir(), "attack-vault-schema-vault-"));
mkdirSync(join(hinted, "Use Cases"));
writeFileSync(join(hinted, "Use Cases/T1059.md"), "---\ntags: [T1059, techniques]\n---\n```query\ntag:T1059.001\n```\n```query\ntechnique:T1059.001\n```\n");

const outputs: Array<[string, "coverage" | "blocks" | "query", string[]]> = [
  ["coverage", "coverage", ["coverage", EXAMPLE_VAULT, "--json"]],
  ["coverage without rollup", "coverage", ["coverage", EXAMPLE_VAULT, "--json", "--no-rollup"]],
  ["coverage filtered, gated and against a baseline", "coverage", ["coverage", EXAMPLE_VAULT, "--json", "--platform", "Windows", "--tactic", "Execution", "--fail-under", "90", "--baseline", baseline]],
  ["coverage of the hostile vault", "coverage", ["coverage", hostileVault, "--json"]],
  ["coverage of threat profiles, with top gaps", "coverage", ["coverage", EXAMPLE_VAULT, "--json", "--profile", "G0016", "--profile", "Our threat model", "--top-gaps", "5"]],
  ["blocks", "blocks", ["blocks", EXAMPLE_VAULT, "--json"]],
  ["blocks of the hostile vault", "blocks", ["blocks", hostileVault, "--json"]],
  ["blocks with a hint and an error", "blocks", ["blocks", hinted, "--json"]],
  ["a query's results", "query", ["query", EXAMPLE_VAULT, "tag:detection_rule tag:T1059_001", "--json"]],
  ["a query's error", "query", ["query", EXAMPLE_VAULT, "tag:(a", "--json"]],
  ["a query with technique: and a hint", "query", ["query", EXAMPLE_VAULT, "technique:t1059_001 OR tag:T1003.001", "--json"]],
];

describe("the CLI's JSON against docs/schemas", () => {
  test.each(outputs)("%s validates", (_name, schema, args) => {
    const run = runCliProcess(args);
    expect(run.stdout.length).toBeGreaterThan(2);
    expect(problems(schema, run.stdout)).toEqual([]);
  });

  test("a field the schema does not document fails validation", () => {
    const output = JSON.parse(runCliProcess(["coverage", EXAMPLE_VAULT, "--json"]).stdout) as { techniques: Array<Record<string, unknown>> };
    output.techniques[0]!.effectiveStatus = "no-rule";
    expect(problems("coverage", JSON.stringify(output))).toEqual([expect.stringContaining("must NOT have additional properties")]);
  });
});

/** Every property schema, with where it is, followed through `$ref`s to definitions. */
function propertySchemas(schema: Schema, root: Schema, at: string): Array<[string, Schema]> {
  const found: Array<[string, Schema]> = [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [name, property] of Object.entries(properties)) {
    found.push([`${at}.${name}`, property]);
    found.push(...propertySchemas(property, root, `${at}.${name}`));
  }
  const items = schema.items as Schema | undefined;
  if (items) found.push(...propertySchemas(items, root, `${at}[]`));
  const definitions = at === "" ? ((root.definitions ?? {}) as Record<string, Schema>) : {};
  for (const [name, definition] of Object.entries(definitions)) found.push(...propertySchemas(definition, root, `#${name}`));
  return found;
}

describe.each(SCHEMAS)("docs/schemas/%s.schema.json", (name) => {
  const schema = schemaOf(name);
  const definitions = (schema.definitions ?? {}) as Record<string, Schema>;
  const described = (property: Schema): boolean => {
    if (typeof property.description === "string" && property.description.length > 0) return true;
    const target = typeof property.$ref === "string" ? definitions[property.$ref.replace("#/definitions/", "")] : undefined;
    return target !== undefined && described(target);
  };

  test("describes every field", () => {
    expect(propertySchemas(schema, schema, "").filter(([, property]) => !described(property)).map(([path]) => path)).toEqual([]);
  });

  test("is linked from the README", () => {
    const links = readFileSync(join(REPO_ROOT, "README.md"), "utf8").match(/\(docs\/schemas\/[\w-]+\.schema\.json\)/g) ?? [];
    expect(links).toContain(`(docs/schemas/${name}.schema.json)`);
  });
});
