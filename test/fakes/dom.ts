/**
 * The helpers Obsidian adds to DOM prototypes and to the window (createEl, addClass, isShown…).
 * Installed when the fake module is imported, as the app does before any plugin runs.
 * Only DOM helpers: Obsidian's Array/String/Math extensions are left out on purpose, so code that
 * leans on them (and would break in the headless CLI) fails in tests too.
 */
import type {} from "obsidian";
import { type Attrs, type DomInfo, define, docOf, makeEl, makeSvg, setAttrs, setText } from "./dom-create";

const installedWindows = new WeakSet<object>();

/** Obsidian's visibility test, without layout: connected, and nothing on the way up hides it. */
export function isElementShown(el: Element): boolean {
  if (!el.isConnected) return false;
  for (let current: Element | null = el; current; current = current.parentElement) {
    const style = (current as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (style?.display === "none") return false;
    if (current.hasAttribute("hidden")) return false;
    if (current.classList.contains("is-hidden") || current.classList.contains("mod-hidden")) return false;
  }
  return true;
}

function installNodeHelpers(win: typeof globalThis): void {
  const node = win.Node.prototype;
  define(node, "createEl", function (this: Node, tag: string, o?: DomInfo, cb?: (el: HTMLElement) => void) {
    return makeEl(docOf(this), tag, o, cb, this);
  });
  define(node, "createDiv", function (this: Node, o?: DomInfo, cb?: (el: HTMLElement) => void) {
    return makeEl(docOf(this), "div", o, cb, this);
  });
  define(node, "createSpan", function (this: Node, o?: DomInfo, cb?: (el: HTMLElement) => void) {
    return makeEl(docOf(this), "span", o, cb, this);
  });
  define(node, "createSvg", function (this: Node, tag: string, o?: SvgElementInfo | string, cb?: (el: SVGElement) => void) {
    return makeSvg(docOf(this), tag, o, cb, this);
  });
  define(node, "detach", function (this: Node) {
    this.parentNode?.removeChild(this);
  });
  define(node, "empty", function (this: Node) {
    while (this.lastChild) this.removeChild(this.lastChild);
  });
  define(node, "insertAfter", function (this: Node, child: Node, other: Node | null) {
    this.insertBefore(child, other ? other.nextSibling : this.firstChild);
    return child;
  });
  define(node, "indexOf", function (this: Node, other: Node) {
    return Array.prototype.indexOf.call(this.childNodes, other);
  });
  define(node, "setChildrenInPlace", function (this: Node, children: Node[]) {
    while (this.lastChild) this.removeChild(this.lastChild);
    for (const child of children) this.appendChild(child);
  });
  define(node, "appendText", function (this: Node, text: string) {
    this.appendChild(docOf(this).createTextNode(text));
  });
  define(node, "instanceOf", function (this: Node, type: { new (): unknown; name: string }) {
    if (this instanceof type) return true;
    const ctor = (docOf(this).defaultView as unknown as Record<string, unknown> | null)?.[type.name];
    return typeof ctor === "function" && this instanceof (ctor as new () => unknown);
  });
  Object.defineProperty(node, "doc", { configurable: true, get(this: Node) { return docOf(this); } });
  Object.defineProperty(node, "win", { configurable: true, get(this: Node) { return docOf(this).defaultView ?? win; } });
  Object.defineProperty(node, "constructorWin", { configurable: true, get(this: Node) { return docOf(this).defaultView ?? win; } });
}

function installElementHelpers(win: typeof globalThis): void {
  const element = win.Element.prototype;
  define(element, "getText", function (this: Element) { return this.textContent ?? ""; });
  define(element, "setText", function (this: Element, text: string | DocumentFragment) { setText(this, text); });
  define(element, "addClass", function (this: Element, ...classes: string[]) { this.classList.add(...classes); });
  define(element, "addClasses", function (this: Element, classes: string[]) { this.classList.add(...classes); });
  define(element, "removeClass", function (this: Element, ...classes: string[]) { this.classList.remove(...classes); });
  define(element, "removeClasses", function (this: Element, classes: string[]) { this.classList.remove(...classes); });
  define(element, "toggleClass", function (this: Element, classes: string | string[], value: boolean) {
    for (const cls of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(cls, value);
  });
  define(element, "hasClass", function (this: Element, cls: string) { return this.classList.contains(cls); });
  define(element, "setAttr", function (this: Element, name: string, value: string | number | boolean | null) { setAttrs(this, { [name]: value }); });
  define(element, "setAttrs", function (this: Element, attrs: Attrs) { setAttrs(this, attrs); });
  define(element, "getAttr", function (this: Element, name: string) { return this.getAttribute(name); });
  define(element, "matchParent", function (this: Element, selector: string, lastParent?: Element) {
    let current: Element | null = this as Element;
    while (current && current !== lastParent) {
      if (current.matches(selector)) return current;
      current = current.parentElement;
    }
    return null;
  });
  define(element, "find", function (this: Element, selector: string) { return this.querySelector(selector); });
  define(element, "findAll", function (this: Element, selector: string) { return Array.from(this.querySelectorAll(selector)); });
  define(element, "findAllSelf", function (this: Element, selector: string) {
    const found = Array.from(this.querySelectorAll(selector));
    return this.matches(selector) ? [this, ...found] : found;
  });
  define(element, "isActiveElement", function (this: Element) { return docOf(this).activeElement === this; });
  define(element, "getCssPropertyValue", function (this: Element, property: string) {
    return (this as HTMLElement).style?.getPropertyValue(property) ?? "";
  });
  const fragment = win.DocumentFragment.prototype;
  define(fragment, "find", function (this: DocumentFragment, selector: string) { return this.querySelector(selector); });
  define(fragment, "findAll", function (this: DocumentFragment, selector: string) { return Array.from(this.querySelectorAll(selector)); });
}

function installStyleHelpers(proto: object): void {
  define(proto, "setCssStyles", function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) { Object.assign(this.style, styles); });
  define(proto, "setCssProps", function (this: HTMLElement, props: Record<string, string>) {
    for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
  });
}

function installHtmlElementHelpers(win: typeof globalThis): void {
  const html = win.HTMLElement.prototype;
  define(html, "show", function (this: HTMLElement) { this.style.display = ""; });
  define(html, "hide", function (this: HTMLElement) { this.style.display = "none"; });
  define(html, "toggle", function (this: HTMLElement, show: boolean) { this.style.display = show ? "" : "none"; });
  define(html, "toggleVisibility", function (this: HTMLElement, visible: boolean) { this.style.visibility = visible ? "" : "hidden"; });
  define(html, "isShown", function (this: HTMLElement) { return isElementShown(this); });
  installStyleHelpers(html);
  installStyleHelpers(win.SVGElement.prototype);
  Object.defineProperty(html, "innerWidth", { configurable: true, get(this: HTMLElement) { return this.clientWidth; } });
  Object.defineProperty(html, "innerHeight", { configurable: true, get(this: HTMLElement) { return this.clientHeight; } });
  define(html, "onClickEvent", function (this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
    // Obsidian listens to auxclick too, so a middle-click reaches the same handler.
    this.addEventListener("click", listener as EventListener, options);
    this.addEventListener("auxclick", listener as EventListener, options);
  });
  define(html, "trigger", function (this: HTMLElement, eventType: string) { this.dispatchEvent(new win.Event(eventType)); });
  define(html, "onNodeInserted", function () { return () => undefined; });
  define(html, "onWindowMigrated", function () { return () => undefined; });
  installDelegatedEvents(html);
  installDelegatedEvents(win.Document.prototype);
}

type DelegatedHandler = (this: unknown, ev: Event, delegateTarget: HTMLElement) => unknown;
interface DelegatedListener { selector: string; listener: DelegatedHandler; options?: boolean | AddEventListenerOptions; callback: EventListener }

function installDelegatedEvents(proto: object): void {
  define(proto, "on", function (this: HTMLElement & { _EVENTS?: Record<string, DelegatedListener[]> }, type: string, selector: string, listener: DelegatedHandler, options?: boolean | AddEventListenerOptions) {
    const callback: EventListener = (ev) => {
      const target = (ev.target as Element | null)?.closest?.(selector);
      if (target && (this as Node).contains(target)) listener.call(this, ev, target as HTMLElement);
    };
    ((this._EVENTS ??= {})[type] ??= []).push({ selector, listener, options, callback });
    this.addEventListener(type, callback, options);
  });
  define(proto, "off", function (this: HTMLElement & { _EVENTS?: Record<string, DelegatedListener[]> }, type: string, selector: string, listener: DelegatedHandler) {
    const entries = this._EVENTS?.[type] ?? [];
    for (const entry of entries.filter((e) => e.selector === selector && e.listener === listener)) {
      this.removeEventListener(type, entry.callback, entry.options);
      entries.splice(entries.indexOf(entry), 1);
    }
  });
}

function installEventHelpers(win: typeof globalThis): void {
  const uiEvent = win.UIEvent.prototype;
  Object.defineProperty(uiEvent, "targetNode", { configurable: true, get(this: Event) { return this.target as Node | null; } });
  Object.defineProperty(uiEvent, "win", { configurable: true, get(this: UIEvent) { return this.view ?? win; } });
  Object.defineProperty(uiEvent, "doc", { configurable: true, get(this: UIEvent) { return this.view?.document ?? win.document; } });
  define(uiEvent, "instanceOf", function (this: Event, type: new (...args: unknown[]) => unknown) { return this instanceof type; });
}

function installGlobals(win: typeof globalThis): void {
  const doc = win.document;
  const globals = win as unknown as Record<string, unknown>;
  globals.createEl = (tag: string, o?: DomInfo, cb?: (el: HTMLElement) => void) => makeEl(doc, tag, o, cb);
  globals.createDiv = (o?: DomInfo, cb?: (el: HTMLElement) => void) => makeEl(doc, "div", o, cb);
  globals.createSpan = (o?: DomInfo, cb?: (el: HTMLElement) => void) => makeEl(doc, "span", o, cb);
  globals.createSvg = (tag: string, o?: SvgElementInfo | string, cb?: (el: SVGElement) => void) => makeSvg(doc, tag, o, cb);
  globals.createFragment = (cb?: (fragment: DocumentFragment) => void) => {
    const fragment = doc.createDocumentFragment();
    cb?.(fragment);
    return fragment;
  };
  globals.activeWindow = win;
  globals.activeDocument = doc;
  globals.fish = (selector: string) => doc.querySelector(selector);
  globals.fishAll = (selector: string) => Array.from(doc.querySelectorAll(selector));
  globals.isBoolean = (value: unknown) => typeof value === "boolean";
  globals.sleep = (ms: number) => new Promise<void>((resolve) => win.setTimeout(resolve, ms));
  globals.nextFrame = () => new Promise<void>((resolve) => win.setTimeout(resolve, 16));
  globals.ready = (fn: () => unknown) => fn();
}

/** Install the helpers on a window (the global one by default); idempotent. */
export function installDomHelpers(win: typeof globalThis | undefined = typeof window === "undefined" ? undefined : window): void {
  if (!win || installedWindows.has(win)) return;
  installedWindows.add(win);
  installNodeHelpers(win);
  installElementHelpers(win);
  installHtmlElementHelpers(win);
  installEventHelpers(win);
  installGlobals(win);
}

installDomHelpers();
