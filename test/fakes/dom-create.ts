/** Element creation as Obsidian's `createEl` does it: class, text, attributes, parent, callback. */
import type {} from "obsidian";

export type DomInfo = DomElementInfo | string | undefined;
export type Attrs = Record<string, string | number | boolean | null>;

const SVG_NS = "http://www.w3.org/2000/svg";

export function define(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

export function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, String(value));
  }
}

function applyInfo(el: Element, o: DomInfo): void {
  const info: DomElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
  if (info.cls !== undefined) {
    const classes = Array.isArray(info.cls) ? info.cls : info.cls.split(" ");
    el.classList.add(...classes.filter((cls) => cls.length > 0));
  }
  if (info.text !== undefined) setText(el, info.text);
  if (info.attr) setAttrs(el, info.attr);
  if (info.title !== undefined) el.setAttribute("title", info.title);
  const field = el as HTMLInputElement & HTMLAnchorElement;
  if (info.value !== undefined && "value" in el) field.value = info.value;
  if (info.type !== undefined && "type" in el) field.type = info.type;
  if (info.placeholder !== undefined && "placeholder" in el) field.placeholder = info.placeholder;
  if (info.href !== undefined && "href" in el) field.href = info.href;
  if (info.parent) {
    if (info.prepend) info.parent.insertBefore(el, info.parent.firstChild);
    else info.parent.appendChild(el);
  }
}

export function setText(el: Node, text: string | DocumentFragment): void {
  if (typeof text === "string") {
    el.textContent = text;
    return;
  }
  el.textContent = "";
  el.appendChild(text);
}

export function docOf(node: Node): Document {
  if (node.nodeType === 9) return node as Document;
  return node.ownerDocument ?? document;
}

export function makeEl(doc: Document, tag: string, o: DomInfo, callback?: (el: HTMLElement) => void, parent?: Node): HTMLElement {
  const el = doc.createElement(tag);
  const info: DomElementInfo = typeof o === "string" ? { cls: o } : { ...(o ?? {}) };
  if (parent && !info.parent) info.parent = parent;
  applyInfo(el, info);
  callback?.(el);
  return el;
}

export function makeSvg(doc: Document, tag: string, o: SvgElementInfo | string | undefined, callback?: (el: SVGElement) => void, parent?: Node): SVGElement {
  const el = doc.createElementNS(SVG_NS, tag) as SVGElement;
  const info: SvgElementInfo = typeof o === "string" ? { cls: o } : { ...(o ?? {}) };
  if (parent && !info.parent) info.parent = parent;
  applyInfo(el, info);
  callback?.(el);
  return el;
}
