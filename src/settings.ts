/** The settings tab. The settings' shape and defaults live in the core, shared with the CLI. */
import { debounce, PluginSettingTab, Setting, type App, type Plugin } from "obsidian";
import type { AttackVaultSettings } from "./core/settings-data";

export interface SettingsHost extends Plugin {
  settings: AttackVaultSettings;
  /** Save and apply: conventions rebuild the index, the takeover switch re-registers processors. */
  updateSettings(update: Partial<AttackVaultSettings>): Promise<void>;
}

export const TYPING_PAUSE_MS = 400;

function listFromText(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

export class AttackVaultSettingTab extends PluginSettingTab {
  private flushTyping: (() => void) | null = null;

  constructor(
    app: App,
    private readonly host: SettingsHost,
  ) {
    super(app, host);
  }

  /** Closing the settings applies what was typed at once. */
  override hide(): void {
    this.flushTyping?.();
    super.hide();
  }

  override display(): void {
    const { containerEl } = this;
    const settings = this.host.settings;
    containerEl.empty();
    // Typing should rebuild the index once per pause, not on every keystroke; edits to several fields add up.
    let pending: Partial<AttackVaultSettings> = {};
    const flush = debounce(
      () => {
        const change = pending;
        pending = {};
        void this.host.updateSettings(change);
      },
      TYPING_PAUSE_MS,
      true,
    );
    this.flushTyping = () => flush.run();
    const update = (change: Partial<AttackVaultSettings>): void => {
      pending = { ...pending, ...change };
      flush();
    };

    new Setting(containerEl).setName("Note kinds").setHeading();
    const tagSetting = (name: string, desc: string, key: "techniqueTag" | "ruleTag" | "testTag" | "profileTag"): void => {
      new Setting(containerEl)
        .setName(name)
        .setDesc(desc)
        .addText((text) =>
          text.setValue(settings[key]).onChange((value) => {
            if (value.trim() !== "") update({ [key]: value.trim().replace(/^#/, "") });
          }),
        );
    };
    tagSetting("Technique tag", "Notes with this tag describe an ATT&CK technique.", "techniqueTag");
    tagSetting("Detection rule tag", "Notes with this tag are detection rules, for example converted from Sigma.", "ruleTag");
    tagSetting("Test tag", "Notes with this tag are tests, for example from Atomic Red Team.", "testTag");
    new Setting(containerEl)
      .setName("Technique ID properties")
      .setDesc("A technique note without an ID tag takes its ID from the first of these properties, else from its file name. One per line.")
      .addTextArea((text) =>
        text.setValue(settings.idProperties.join("\n")).onChange((value) => update({ idProperties: listFromText(value) })),
      );
    new Setting(containerEl)
      .setName("Covered technique properties")
      .setDesc("Rule and test notes may list the techniques they cover in these properties, besides their tags. One per line.")
      .addTextArea((text) =>
        text.setValue(settings.techniqueListProperties.join("\n")).onChange((value) => update({ techniqueListProperties: listFromText(value) })),
      );
    new Setting(containerEl)
      .setName("Folders to leave out")
      .setDesc("Notes in these folders are not indexed, for example templates. One per line.")
      .addTextArea((text) =>
        text.setValue(settings.excludedFolders.join("\n")).onChange((value) => update({ excludedFolders: listFromText(value) })),
      );

    new Setting(containerEl).setName("Threat profiles").setHeading();
    tagSetting("Threat profile tag", "Notes with this tag are threat profiles: the techniques an adversary, or your own threat model, uses.", "profileTag");
    new Setting(containerEl)
      .setName("Profile techniques property")
      .setDesc("The property of a threat profile that lists its technique IDs.")
      .addText((text) =>
        text.setValue(settings.profileTechniquesProperty).onChange((value) => {
          if (value.trim() !== "") update({ profileTechniquesProperty: value.trim() });
        }),
      );

    new Setting(containerEl).setName("Display").setHeading();
    new Setting(containerEl)
      .setName("Render query blocks")
      .setDesc("Show query blocks as lists of linked rules and tests, in place of the built-in search results. Blocks written as attack-query always render.")
      .addToggle((toggle) =>
        toggle.setValue(settings.takeOverQueryBlocks).onChange(async (value) => {
          await this.host.updateSettings({ takeOverQueryBlocks: value });
        }),
      );
    new Setting(containerEl)
      .setName("Roll up sub-techniques")
      .setDesc("A parent technique counts as covered when one of its sub-techniques has a rule.")
      .addToggle((toggle) =>
        toggle.setValue(settings.rollUpSubTechniques).onChange(async (value) => {
          await this.host.updateSettings({ rollUpSubTechniques: value });
        }),
      );
  }
}
