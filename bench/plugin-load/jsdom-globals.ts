/**
 * A jsdom window as the global scope, as jest's jsdom environment gives tests. Imported before the
 * fake app; called again once the fake has added its helpers (createDiv…) to the window.
 */
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true, url: "app://obsidian.md/" });

export function shareWindowGlobals(): void {
  const scope = globalThis as Record<string, unknown>;
  const window = dom.window as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(window)) {
    if (name in scope) continue;
    try {
      scope[name] = window[name];
    } catch {
      // A few accessors throw outside their window; the plugin uses none of them.
    }
  }
  scope.window = dom.window;
  scope.document = dom.window.document;
}

shareWindowGlobals();
