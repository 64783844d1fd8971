/** Small exported helpers of the `obsidian` module: paths, links, debounce, platform, keymap. */
import type { Debouncer, PaneType, UserEvent } from "obsidian";

export function normalizePath(path: string): string {
  let normalized = path.replace(/([\\/])+/g, "/").replace(/(^\/+|\/+$)/g, "");
  if (normalized === "") normalized = "/";
  return normalized.replace(/\u00A0|\u202F/g, " ").normalize("NFC");
}

export function parseLinktext(linktext: string): { path: string; subpath: string } {
  const hash = linktext.indexOf("#");
  if (hash < 0) return { path: linktext, subpath: "" };
  return { path: linktext.slice(0, hash), subpath: linktext.slice(hash) };
}

export function getLinkpath(linktext: string): string {
  return parseLinktext(linktext).path;
}

export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
  let timer: number | null = null;
  let pendingArgs: T | null = null;
  const fire = (): V | void => {
    timer = null;
    if (!pendingArgs) return;
    const args = pendingArgs;
    pendingArgs = null;
    return cb(...args);
  };
  const debouncer = ((...args: T) => {
    pendingArgs = args;
    if (timer !== null && resetTimer) {
      window.clearTimeout(timer);
      timer = null;
    }
    if (timer === null) timer = window.setTimeout(fire, timeout);
    return debouncer;
  }) as Debouncer<T, V>;
  debouncer.cancel = () => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    pendingArgs = null;
    return debouncer;
  };
  debouncer.run = () => {
    if (timer === null) return;
    window.clearTimeout(timer);
    return fire();
  };
  return debouncer;
}

export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: "app://fake-obsidian/",
};

export const apiVersion = "1.13.1";

export function requireApiVersion(version: string): boolean {
  const have = apiVersion.split(".").map(Number);
  const want = version.split(".").map(Number);
  for (let i = 0; i < Math.max(have.length, want.length); i++) {
    const diff = (have[i] ?? 0) - (want[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

export function requestUrl(_request: unknown): never {
  throw new Error("network disabled in tests");
}

export function request(_request: unknown): never {
  throw new Error("network disabled in tests");
}

type Modifier = "Mod" | "Ctrl" | "Meta" | "Shift" | "Alt";

interface ModifierKeys { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean; button?: number; type?: string }

/** Hotkey scopes; the fake keeps the stack but dispatches no keys. */
export class Scope {
  parent: Scope | undefined;
  keys: Array<{ modifiers: Modifier[] | null; key: string | null; func: (evt: KeyboardEvent) => unknown }> = [];
  constructor(parent?: Scope) {
    this.parent = parent;
  }
  register(modifiers: Modifier[] | null, key: string | null, func: (evt: KeyboardEvent) => unknown): object {
    const handler = { modifiers, key, func };
    this.keys.push(handler);
    return handler;
  }
  unregister(handler: object): void {
    this.keys = this.keys.filter((h) => h !== handler);
  }
}

export class Keymap {
  scopes: Scope[] = [];

  pushScope(scope: Scope): void {
    this.scopes.push(scope);
  }

  popScope(scope: Scope): void {
    this.scopes = this.scopes.filter((s) => s !== scope);
  }

  /** The fake treats Mod as Ctrl or Cmd alike, whatever the platform. */
  static isModifier(evt: UserEvent | ModifierKeys, modifier: Modifier): boolean {
    const keys = evt as ModifierKeys;
    switch (modifier) {
      case "Mod": return !!(keys.ctrlKey || keys.metaKey);
      case "Ctrl": return !!keys.ctrlKey;
      case "Meta": return !!keys.metaKey;
      case "Shift": return !!keys.shiftKey;
      case "Alt": return !!keys.altKey;
    }
  }

  static isModEvent(evt?: UserEvent | ModifierKeys | null): PaneType | boolean {
    if (!evt) return false;
    const keys = evt as ModifierKeys;
    const middleClick = keys.button === 1 && (keys.type === "auxclick" || keys.type === "click" || keys.type === "mouseup");
    const mod = Keymap.isModifier(keys, "Mod");
    if (mod && keys.altKey) return keys.shiftKey ? "window" : "split";
    return mod || middleClick ? "tab" : false;
  }
}
