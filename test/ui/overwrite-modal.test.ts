/** @jest-environment jsdom */
/** Before a file is replaced the person chooses: keep both, overwrite, or cancel (closing is cancel). */
import { askToOverwrite } from "../../src/ui/overwrite-modal";
import { createFakeApp, openModals } from "../fakes/obsidian";

/** Opens the dialog and does `act` with it; the choice it resolves to. */
async function choose(act: (modal: { contentEl: HTMLElement; close(): void }) => void) {
  const app = createFakeApp();
  const choice = askToOverwrite(app as never, "ATT&CK layers/coverage.json");
  const modal = openModals.at(-1);
  if (!modal) throw new Error("no dialog opened");
  act(modal);
  return { choice: await choice, open: openModals.length };
}

const click = (label: string) => (modal: { contentEl: HTMLElement }) =>
  Array.from(modal.contentEl.querySelectorAll("button")).find((button) => button.textContent === label)?.click();

describe("askToOverwrite", () => {
  test("names the file and offers three buttons, the safe one first and the destructive one marked", async () => {
    const app = createFakeApp();
    void askToOverwrite(app as never, "ATT&CK layers/coverage.json");
    const modal = openModals.at(-1);
    expect({
      title: modal?.titleEl.textContent,
      text: modal?.contentEl.querySelector("p")?.textContent,
      buttons: Array.from(modal?.contentEl.querySelectorAll("button") ?? [], (button) => `${button.textContent} ${button.className}`.trim()),
    }).toEqual({ title: "Replace the existing file?", text: "ATT&CK layers/coverage.json already exists.", buttons: ["Keep both mod-cta", "Overwrite mod-warning", "Cancel"] });
  });

  test.each([
    ["Keep both", "keep-both"],
    ["Overwrite", "overwrite"],
    ["Cancel", "cancel"],
  ])("%s answers %s and closes the dialog", async (label, answer) => {
    expect(await choose(click(label))).toEqual({ choice: answer, open: 0 });
  });

  test("closing the dialog is cancel", async () => {
    expect(await choose((modal) => modal.close())).toEqual({ choice: "cancel", open: 0 });
  });
});
