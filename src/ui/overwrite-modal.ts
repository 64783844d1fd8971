/** Asks before a file is replaced: overwrite, keep both, or cancel. */
import { Modal, Setting, type App } from "obsidian";
import type { OverwriteChoice } from "../obsidian/layer-export";

export class OverwriteModal extends Modal {
  private choice: OverwriteChoice = "cancel";

  constructor(
    app: App,
    private readonly path: string,
    private readonly onChoose: (choice: OverwriteChoice) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle("Replace the existing file?");
    this.contentEl.createEl("p", { text: `${this.path} already exists.` });
    const choose = (choice: OverwriteChoice): void => {
      this.choice = choice;
      this.close();
    };
    new Setting(this.contentEl)
      .addButton((button) => button.setButtonText("Keep both").setCta().onClick(() => choose("keep-both")))
      .addButton((button) => {
        button.setButtonText("Overwrite").onClick(() => choose("overwrite"));
        // Obsidian's own destructive-button class: setWarning is deprecated and setDestructive needs 1.13.
        button.buttonEl.addClass("mod-warning");
      })
      .addButton((button) => button.setButtonText("Cancel").onClick(() => choose("cancel")));
  }

  override onClose(): void {
    this.contentEl.empty();
    this.onChoose(this.choice);
  }
}

/** The answer, once the person has chosen (closing the dialog is cancel). */
export function askToOverwrite(app: App, path: string): Promise<OverwriteChoice> {
  return new Promise((resolve) => new OverwriteModal(app, path, resolve).open());
}
