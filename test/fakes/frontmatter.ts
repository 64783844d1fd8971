/** Frontmatter YAML, and Obsidian's frontmatter tag reader, restated for test/core/tags.test.ts to hold the core to. */
import { CORE_SCHEMA, load } from "js-yaml";

/** js-yaml's core schema: like Obsidian, dates stay strings and numbers are numbers. */
export function parseYaml(yaml: string): unknown {
  return load(yaml, { schema: CORE_SCHEMA });
}

// Obsidian's own readers, line for line (app.js, deobfuscated, public copy id 56654808040).

/** A string key by own property; a RegExp: the first own key (in order) it matches, whatever its value. */
function parseFrontMatterEntry(frontmatter: unknown, key: RegExp): unknown {
  if (!frontmatter || typeof frontmatter !== "object") return null;
  for (const [name, value] of Object.entries(frontmatter)) if (key.test(name)) return value;
  return null;
}

/** `tags` in any case (not `tag`): a string is one trimmed tag, a list keeps its strings; empty ones and those holding a space dropped; `#` added. */
export function parseFrontMatterTags(frontmatter: unknown): string[] | null {
  if (!frontmatter) return null;
  const value = parseFrontMatterEntry(frontmatter, /^tags$/i);
  if (!value) return null;
  const tags = typeof value === "string" ? [value.trim()] : Array.isArray(value) ? value.filter((item): item is string => typeof item === "string").map((item) => item.trim()) : null;
  return tags && tags.filter((tag) => !!tag && !tag.includes(" ")).map((tag) => (tag.startsWith("#") ? tag : "#" + tag));
}
