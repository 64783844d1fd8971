/** Whether a parsed value (YAML, JSON, saved settings) is a mapping: an object that is not a list. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
