/** @jest-environment jsdom */
/** The DOM helpers, debounce and the keymap, as the plugin calls them. */
import { debounce, Keymap } from "../fakes/obsidian";

describe("createEl", () => {
  test("sets class, text as text, attributes and value; appends to the node, or prepends when asked", () => {
    const parent = createDiv();
    parent.createSpan({ text: "second" });
    const input = parent.createEl("input", { cls: ["x", "y"], attr: { "data-id": 7 }, value: "v", prepend: true });
    const bold = parent.createDiv({ text: "<b>bold</b>" });
    expect([input.className, input.getAttribute("data-id"), input.value, parent.firstElementChild === input, bold.children.length]).toEqual(["x y", "7", "v", true, 0]);
  });
});

describe("isShown (obsidian.d.ts): connected, and nothing on the way up hidden", () => {
  test.each<[string, (parent: HTMLElement, el: HTMLElement) => void, boolean]>([
    ["an attached element", () => undefined, true],
    ["a detached element", (_parent, el) => el.detach(), false],
    ["a parent with display: none", (parent) => parent.hide(), false],
    ["hidden, then shown again", (_parent, el) => { el.hide(); el.show(); }, true],
    ["a parent with the hidden attribute", (parent) => parent.setAttribute("hidden", ""), false],
    ["a parent with class is-hidden", (parent) => parent.addClass("is-hidden"), false],
  ])("%s: %p", (_name, setup, shown) => {
    const parent = document.body.createDiv();
    const el = parent.createDiv();
    setup(parent, el);
    expect(el.isShown()).toBe(shown);
  });
});

describe("debounce (obsidian.d.ts)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test.each<[string, boolean, number[]]>([
    ["without resetTimer, later calls keep the deadline: called with the last arguments", false, [2]],
    ["with resetTimer, each call restarts the wait", true, []],
  ])("%s", (_name, resetTimer, expected) => {
    const calls: number[] = [];
    const debounced = debounce((n: number) => void calls.push(n), 100, resetTimer);
    debounced(1);
    jest.advanceTimersByTime(60);
    debounced(2);
    jest.advanceTimersByTime(40);
    expect(calls).toEqual(expected);
  });

  test("run calls the pending call at once and returns its result; cancel drops it", () => {
    const doubled = debounce((n: number) => n * 2, 100);
    doubled(21);
    const ran = doubled.run();
    const calls: number[] = [];
    debounce((n: number) => void calls.push(n), 100)(1).cancel();
    jest.advanceTimersByTime(100);
    expect([ran, calls]).toEqual([42, []]);
  });
});

describe("Keymap.isModEvent (obsidian.d.ts)", () => {
  test.each<[string, MouseEvent | null, string | boolean]>([
    ["a plain click", new MouseEvent("click", { button: 0 }), false],
    ["a middle click", new MouseEvent("auxclick", { button: 1 }), "tab"],
    ["Ctrl+click", new MouseEvent("click", { ctrlKey: true }), "tab"],
    ["Cmd+click", new MouseEvent("click", { metaKey: true }), "tab"],
    ["Ctrl+Alt+click", new MouseEvent("click", { ctrlKey: true, altKey: true }), "split"],
    ["Ctrl+Alt+Shift+click", new MouseEvent("click", { ctrlKey: true, altKey: true, shiftKey: true }), "window"],
    ["Shift+click", new MouseEvent("click", { shiftKey: true }), false],
    ["no event", null, false],
  ])("%s: %p", (_name, evt, expected) => {
    expect(Keymap.isModEvent(evt)).toBe(expected);
  });
});
