/** @jest-environment jsdom */
import { setIcon } from "../fakes/obsidian";

describe("createEl and friends", () => {
  test("a string option is the class", () => {
    const el = createDiv("a b");
    expect(el.className).toBe("a b");
  });

  test("the options object sets class, text, attributes, title and value", () => {
    const input = createEl("input", { cls: ["x", "y"], attr: { "data-id": 7, hidden: null }, title: "tip", value: "v", type: "text", placeholder: "p" });
    expect([input.className, input.getAttr("data-id"), input.title, input.value, input.type, input.placeholder])
      .toEqual(["x y", "7", "tip", "v", "text", "p"]);
  });

  test("text is set as text, never parsed", () => {
    const el = createDiv({ text: "<b>bold</b>" });
    expect([el.textContent, el.children.length]).toEqual(["<b>bold</b>", 0]);
  });

  test("node.createEl appends to the node, or prepends when asked", () => {
    const parent = createDiv();
    parent.createSpan({ text: "second" });
    parent.createEl("p", { text: "first", prepend: true });
    expect(Array.from(parent.children).map((c) => c.tagName)).toEqual(["P", "SPAN"]);
  });

  test("the callback receives the element", () => {
    let seen: HTMLElement | null = null;
    const el = createDiv({}, (made) => { seen = made; });
    expect(seen).toBe(el);
  });

  test("empty, detach, setText, class and attribute helpers behave as in Obsidian", () => {
    const parent = document.body.createDiv();
    const el = parent.createDiv();
    el.createSpan();
    el.empty();
    el.setText("hi");
    el.addClass("a", "b");
    el.removeClass("a");
    el.toggleClass("c", true);
    el.setAttr("aria-label", "x");
    const snapshot = [el.childNodes.length, el.textContent, el.hasClass("a"), el.hasClass("b"), el.hasClass("c"), el.getAttr("aria-label")];
    el.detach();
    expect([...snapshot, el.isConnected]).toEqual([1, "hi", false, true, true, "x", false]);
  });

  test("doc, win and the active globals point at this window", () => {
    const el = createDiv();
    expect([el.doc, el.win, activeDocument, activeWindow]).toEqual([document, window, document, window]);
  });
});

describe("isShown", () => {
  function attached(setup: (parent: HTMLElement, el: HTMLElement) => void): HTMLElement {
    const parent = document.body.createDiv();
    const el = parent.createDiv();
    setup(parent, el);
    return el;
  }

  test.each([
    ["an attached element", (_p: HTMLElement, _e: HTMLElement) => undefined, true],
    ["a detached element", (_p: HTMLElement, e: HTMLElement) => e.detach(), false],
    ["a parent with display:none", (p: HTMLElement) => p.hide(), false],
    ["itself hidden with hide()", (_p: HTMLElement, e: HTMLElement) => e.hide(), false],
    ["hidden then shown again", (_p: HTMLElement, e: HTMLElement) => { e.hide(); e.show(); }, true],
    ["toggle(false)", (_p: HTMLElement, e: HTMLElement) => e.toggle(false), false],
    ["a parent with the hidden attribute", (p: HTMLElement) => p.setAttr("hidden", ""), false],
    ["a parent with class is-hidden", (p: HTMLElement) => p.addClass("is-hidden"), false],
    ["itself with class mod-hidden", (_p: HTMLElement, e: HTMLElement) => e.addClass("mod-hidden"), false],
  ])("%s → %p", (_name, setup, expected) => {
    expect(attached(setup).isShown()).toBe(expected);
  });
});

describe("setIcon", () => {
  test("adds one svg.svg-icon.lucide-<name>, replacing the previous icon", () => {
    const el = createDiv();
    setIcon(el, "shield");
    setIcon(el, "crosshair");
    const svgs = el.findAll("svg");
    expect(svgs.map((svg) => [svg.namespaceURI, svg.getAttribute("class")])).toEqual([["http://www.w3.org/2000/svg", "svg-icon lucide-crosshair"]]);
  });
});
