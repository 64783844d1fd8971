/** @jest-environment jsdom */
/** The list of linked notes a block shows: title links with their facts, long lists folded, warnings that link the notes. */
import type { BlockItem } from "../../src/core/query-block-view";
import { TOO_LARGE_TO_SEARCH } from "../../src/core/query/evaluate";
import { COLLAPSED_ITEM_COUNT, renderNoteList, renderQueryWarning } from "../../src/ui/note-list";

const item = (n: number, level: string | null = null): BlockItem => ({
  path: `Detection Rules/r${n}.md`,
  title: `Rule ${n}`,
  details: level ? [{ kind: "level", text: level }, { kind: "status", text: "test" }] : [],
  level,
});

const titles = (list: HTMLElement): string[] => Array.from(list.querySelectorAll(".attack-vault-item-link"), (link) => link.textContent ?? "");

afterEach(() => document.body.empty());

describe("renderNoteList", () => {
  test("each note is an internal link to its path, titled, with its facts as badges", () => {
    const list = renderNoteList(document.body.createDiv(), [item(1, "high")]);
    const link = list.querySelector("a.internal-link");
    expect({ href: link?.getAttribute("data-href"), title: link?.textContent, badges: Array.from(list.querySelectorAll(".attack-vault-badge"), (badge) => badge.className) }).toEqual({
      href: "Detection Rules/r1.md",
      title: "Rule 1",
      badges: ["attack-vault-badge attack-vault-level attack-vault-level-high", "attack-vault-badge attack-vault-detail-status"],
    });
  });

  test("a level outside Sigma's adds no class of its own", () => {
    const list = renderNoteList(document.body.createDiv(), [item(1, "high attack-vault-show-all")]);
    expect(list.querySelector(".attack-vault-level")?.className).toBe("attack-vault-badge attack-vault-level");
  });

  test.each([
    ["a list a few past the fold shows whole", COLLAPSED_ITEM_COUNT + 5, COLLAPSED_ITEM_COUNT + 5, null],
    ["a longer one shows the fold and a Show all button", COLLAPSED_ITEM_COUNT + 6, COLLAPSED_ITEM_COUNT, `Show all ${COLLAPSED_ITEM_COUNT + 6}`],
  ])("%s", (_name, count, shown, button) => {
    const parent = document.body.createDiv();
    const list = renderNoteList(parent, Array.from({ length: count }, (_, n) => item(n)));
    expect({ shown: titles(list).length, button: parent.querySelector(".attack-vault-show-all")?.textContent ?? null }).toEqual({ shown, button });
  });

  test("Show all adds the rest, in order, and goes", () => {
    const parent = document.body.createDiv();
    const items = Array.from({ length: 30 }, (_, n) => item(n));
    const list = renderNoteList(parent, items, 3);
    parent.querySelector<HTMLButtonElement>(".attack-vault-show-all")?.click();
    expect({ titles: titles(list), button: parent.querySelector(".attack-vault-show-all") }).toEqual({ titles: items.map((entry) => entry.title), button: null });
  });
});

describe("renderQueryWarning", () => {
  test("nothing when no property term gave up", () => {
    const parent = document.body.createDiv();
    renderQueryWarning(parent, { propertiesTooLarge: [] });
    expect(parent.childElementCount).toBe(0);
  });

  test.each([
    [["a.md"], `A property search read only part of the properties of a.md, ${TOO_LARGE_TO_SEARCH}; this list may be wrong about it.`],
    [["a.md", "b.md", "c.md"], `A property search read only part of the properties of a.md, b.md and c.md, ${TOO_LARGE_TO_SEARCH}; this list may be wrong about them.`],
  ])("names the notes, linked: %j", (notes, text) => {
    const parent = document.body.createDiv();
    renderQueryWarning(parent, { propertiesTooLarge: notes });
    expect({ text: parent.textContent, links: Array.from(parent.querySelectorAll("a"), (link) => link.getAttribute("data-href")) }).toEqual({ text, links: notes });
  });

  test("past ten, the first ten linked and how many more", () => {
    const parent = document.body.createDiv();
    renderQueryWarning(parent, { propertiesTooLarge: Array.from({ length: 1234 }, (_, n) => `n${n}.md`) });
    expect({ links: parent.querySelectorAll("a").length, more: /n9\.md and [\d,]+ more/.exec(parent.textContent ?? "")?.[0] }).toEqual({ links: 10, more: "n9.md and 1,224 more" });
  });
});
