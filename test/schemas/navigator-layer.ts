/** Validates Navigator layers against the project's JSON Schema of layer format 4.5, plus what a schema cannot say. */
import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const schema = JSON.parse(readFileSync(join(__dirname, "navigator-layer-4.5.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** Every way the file breaks format 4.5; empty when it is a valid layer file. */
export function layerProblems(file: unknown): string[] {
  const problems = validate(file) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`.trim());
  const layers = Array.isArray(file) ? file : [file];
  layers.forEach((layer, index) => {
    const gradient = (layer as { gradient?: { minValue?: unknown; maxValue?: unknown } } | null)?.gradient;
    if (gradient && typeof gradient.minValue === "number" && typeof gradient.maxValue === "number" && !(gradient.maxValue > gradient.minValue)) {
      problems.push(`layer ${index}: gradient maxValue must be greater than minValue`);
    }
  });
  return problems;
}
