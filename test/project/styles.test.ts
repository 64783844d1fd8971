/** styles.css follows the theme: Obsidian's CSS variables only, every rule under our own class names. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../support/paths";

const css = readFileSync(join(REPO_ROOT, "styles.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
const declarations = [...css.matchAll(/([\w-]+)\s*:\s*([^;{}]+);/g)].map((match) => ({ property: match[1] ?? "", value: (match[2] ?? "").trim() }));
const selectors = [...css.matchAll(/(^|})\s*([^{}@]+)\{/g)].map((match) => (match[2] ?? "").trim()).filter((selector) => !/^\d|^(from|to)$/.test(selector));

describe("styles.css", () => {
  test("has no hard-coded colours", () => {
    // `rgba(var(--x-rgb), alpha)` is a theme colour with transparency, not a hard-coded one.
    const themed = (value: string): string => value.replace(/rgba?\(\s*var\(--[\w-]+\)\s*,\s*[\d.]+\s*\)/g, "");
    const colourful = declarations.filter(({ value }) => /#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(|\b(white|black|red|green|blue|yellow|orange|gray|grey)\b/i.test(themed(value)));
    expect(colourful).toEqual([]);
  });

  test("takes every colour from a variable", () => {
    const colourProperties = declarations.filter(({ property }) => /(^|-)colou?r$|^background$|^border(-\w+)?-color$/.test(property));
    expect(colourProperties.length).toBeGreaterThan(10);
    expect(colourProperties.filter(({ value }) => !/^(var\(--[\w-]+\)|rgba\(var\(--[\w-]+\), [\d.]+\)|transparent|none|inherit|currentColor)$/.test(value))).toEqual([]);
  });

  test("scopes every rule under the plugin's own class names", () => {
    const unscoped = selectors.flatMap((selector) => selector.split(",")).map((part) => part.trim()).filter((part) => !part.startsWith(".attack-vault-"));
    expect(unscoped).toEqual([]);
  });
});
