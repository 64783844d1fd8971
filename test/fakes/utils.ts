/** Small exported helpers of the `obsidian` module: paths, debounce, the modifier keymap, icons. */
import type { Debouncer, PaneType } from "obsidian";

/** Slashes and spaces as Obsidian writes vault paths: one `/` between parts, none at the ends, no non-breaking spaces. */
export function normalizePath(path: string): string {
  const normalized = path.replace(/([\\/])+/g, "/").replace(/(^\/+|\/+$)/g, "") || "/";
  return normalized.replace(/\u00A0|\u202F/g, " ").normalize("NFC");
}

/** `path#heading` → the path. */
export function linkpathOf(linktext: string): string {
  return linktext.split("#")[0] ?? "";
}

/** obsidian.d.ts `debounce`: once per timeout with the last arguments; `resetTimer` pushes the deadline back; `run` calls a pending call now. */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
  let timer: number | null = null;
  let pending: T | null = null;
  const fire = (): V | void => {
    timer = null;
    const args = pending;
    pending = null;
    if (args) return cb(...args);
  };
  const debouncer = ((...args: T) => {
    pending = args;
    if (resetTimer && timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
    timer ??= window.setTimeout(fire, timeout);
    return debouncer;
  }) as Debouncer<T, V>;
  debouncer.cancel = () => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    pending = null;
    return debouncer;
  };
  debouncer.run = () => {
    if (timer === null) return;
    window.clearTimeout(timer);
    return fire();
  };
  return debouncer;
}

export class Keymap {
  /** obsidian.d.ts `isModEvent`: 'tab' for Cmd/Ctrl or a middle click, 'split' with Alt too, 'window' with Alt and Shift. */
  static isModEvent(evt?: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean; button?: number; type?: string } | null): PaneType | boolean {
    if (!evt) return false;
    const mod = !!(evt.ctrlKey || evt.metaKey);
    if (mod && evt.altKey) return evt.shiftKey ? "window" : "split";
    return mod || (evt.button === 1 && (evt.type === "auxclick" || evt.type === "click")) ? "tab" : false;
  }
}

/** An `svg.svg-icon.lucide-<name>` in place of the element's previous icon; the fake draws no paths. */
export function setIcon(parent: HTMLElement, iconId: string): void {
  parent.querySelector(":scope > svg.svg-icon")?.remove();
  const svg = parent.doc.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", `svg-icon lucide-${iconId}`);
  parent.appendChild(svg);
}
