/**
 * The DOM helpers Obsidian adds to prototypes and the window (obsidian.d.ts: `createEl`, `empty`,
 * `isShown`…), those the plugin and the tests call. Installed on import, as the app does before any
 * plugin runs. Obsidian's Array/String extensions are left out, so code leaning on them, which would
 * break in the headless CLI, fails here too.
 */
import type {} from "obsidian";

type Info = DomElementInfo | string | undefined;

function define(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

function makeEl(doc: Document, tag: string, o: Info, callback?: (el: HTMLElement) => void, parent?: Node): HTMLElement {
  const el = doc.createElement(tag);
  const info: DomElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
  const classes = Array.isArray(info.cls) ? info.cls : (info.cls ?? "").split(" ");
  el.classList.add(...classes.filter(Boolean));
  // Text is text: never parsed as HTML.
  if (info.text !== undefined) el.append(info.text);
  for (const [name, value] of Object.entries(info.attr ?? {})) if (value !== null) el.setAttribute(name, String(value));
  const field = el as HTMLInputElement;
  if (info.title !== undefined) el.title = info.title;
  if (info.value !== undefined) field.value = info.value;
  if (info.type !== undefined) field.type = info.type;
  if (info.placeholder !== undefined) field.placeholder = info.placeholder;
  const into = info.parent ?? parent;
  if (into) into.insertBefore(el, info.prepend ? into.firstChild : null);
  callback?.(el);
  return el;
}

const docOf = (node: Node): Document => (node.nodeType === 9 ? (node as Document) : (node.ownerDocument ?? document));

/** obsidian.d.ts `isShown`: connected, and nothing on the way up hidden (no layout in jsdom, so `display: none`, `hidden`, `.is-hidden`). */
export function isElementShown(el: Element): boolean {
  if (!el.isConnected) return false;
  for (let current: Element | null = el; current; current = current.parentElement) {
    if ((current as HTMLElement).style?.display === "none" || current.hasAttribute("hidden") || current.classList.contains("is-hidden")) return false;
  }
  return true;
}

const installed = new WeakSet<object>();

/** Install the helpers on a window (the global one by default), as Obsidian does on every window it opens. */
export function installDomHelpers(win: typeof globalThis | undefined = typeof window === "undefined" ? undefined : window): void {
  if (!win || installed.has(win)) return;
  installed.add(win);
  const node = win.Node.prototype;
  define(node, "createEl", function (this: Node, tag: string, o?: Info, cb?: (el: HTMLElement) => void) { return makeEl(docOf(this), tag, o, cb, this); });
  define(node, "createDiv", function (this: Node, o?: Info, cb?: (el: HTMLElement) => void) { return makeEl(docOf(this), "div", o, cb, this); });
  define(node, "createSpan", function (this: Node, o?: Info, cb?: (el: HTMLElement) => void) { return makeEl(docOf(this), "span", o, cb, this); });
  define(node, "empty", function (this: Node) { while (this.lastChild) this.removeChild(this.lastChild); });
  define(node, "detach", function (this: Node) { this.parentNode?.removeChild(this); });
  define(node, "appendText", function (this: Node, text: string) { this.appendChild(docOf(this).createTextNode(text)); });
  Object.defineProperty(node, "doc", { configurable: true, get(this: Node) { return docOf(this); } });
  Object.defineProperty(node, "win", { configurable: true, get(this: Node) { return docOf(this).defaultView ?? win; } });
  const element = win.Element.prototype;
  define(element, "setText", function (this: Element, text: string) { this.textContent = text; });
  define(element, "addClass", function (this: Element, ...classes: string[]) { this.classList.add(...classes); });
  define(element, "removeClass", function (this: Element, ...classes: string[]) { this.classList.remove(...classes); });
  define(element, "toggleClass", function (this: Element, cls: string, value: boolean) { this.classList.toggle(cls, value); });
  define(element, "hasClass", function (this: Element, cls: string) { return this.classList.contains(cls); });
  define(element, "find", function (this: Element, selector: string) { return this.querySelector(selector); });
  define(element, "findAll", function (this: Element, selector: string) { return Array.from(this.querySelectorAll(selector)); });
  const html = win.HTMLElement.prototype;
  define(html, "show", function (this: HTMLElement) { this.style.display = ""; });
  define(html, "hide", function (this: HTMLElement) { this.style.display = "none"; });
  define(html, "toggle", function (this: HTMLElement, show: boolean) { this.style.display = show ? "" : "none"; });
  define(html, "isShown", function (this: HTMLElement) { return isElementShown(this); });
  define(html, "setCssProps", function (this: HTMLElement, props: Record<string, string>) { for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value); });
  const globals = win as unknown as Record<string, unknown>;
  globals.createEl = (tag: string, o?: Info, cb?: (el: HTMLElement) => void) => makeEl(win.document, tag, o, cb);
  globals.createDiv = (o?: Info, cb?: (el: HTMLElement) => void) => makeEl(win.document, "div", o, cb);
  globals.createSpan = (o?: Info, cb?: (el: HTMLElement) => void) => makeEl(win.document, "span", o, cb);
}

installDomHelpers();
