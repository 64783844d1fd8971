/** @jest-environment jsdom */
import { Keymap } from "../fakes/obsidian";

describe("Keymap.isModEvent", () => {
  test.each([
    ["plain left click", new MouseEvent("click", { button: 0 }), false],
    ["middle click (auxclick)", new MouseEvent("auxclick", { button: 1 }), "tab"],
    ["middle click (click)", new MouseEvent("click", { button: 1 }), "tab"],
    ["Ctrl+click", new MouseEvent("click", { ctrlKey: true }), "tab"],
    ["Cmd+click", new MouseEvent("click", { metaKey: true }), "tab"],
    ["Ctrl+Shift+click", new MouseEvent("click", { ctrlKey: true, shiftKey: true }), "tab"],
    ["Ctrl+Alt+click", new MouseEvent("click", { ctrlKey: true, altKey: true }), "split"],
    ["Cmd+Alt+click", new MouseEvent("click", { metaKey: true, altKey: true }), "split"],
    ["Ctrl+Alt+Shift+click", new MouseEvent("click", { ctrlKey: true, altKey: true, shiftKey: true }), "window"],
    ["Shift+click", new MouseEvent("click", { shiftKey: true }), false],
    ["Alt+click", new MouseEvent("click", { altKey: true }), false],
    ["Ctrl+Enter", new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true }), "tab"],
    ["Enter", new KeyboardEvent("keydown", { key: "Enter" }), false],
    ["no event", null, false],
  ])("%s → %p", (_name, evt, expected) => {
    expect(Keymap.isModEvent(evt)).toBe(expected);
  });
});
