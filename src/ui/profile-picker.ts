/**
 * The panel's threat profile picker: a search box that lists the vault's profiles as you type
 * (by name, ATT&CK ID or alias), chosen with the mouse or the keyboard (arrows, Enter, Escape).
 * A combobox with a listbox of options, as ARIA describes one; the profiles come from the index on
 * every redraw, so the list is live. The panel owns the choice; the picker only reports it.
 */
import type { Component } from "obsidian";
import { profileLabel, type ThreatProfile } from "../core/threat-profiles";
import { plural } from "../core/wording";

/** Options listed at once; typing narrows the rest. */
export const OPTIONS_SHOWN = 50;

const KIND_WORDS: Record<ThreatProfile["kind"], string> = { group: "group", campaign: "campaign", software: "software", custom: "your own" };

/** Profiles whose name, ATT&CK ID, label or an alias holds the text, case aside; names that start with it first. */
export function matchingProfiles(profiles: readonly ThreatProfile[], text: string): ThreatProfile[] {
  const wanted = text.trim().toLowerCase();
  if (wanted === "") return [...profiles];
  const starts: ThreatProfile[] = [];
  const holds: ThreatProfile[] = [];
  for (const profile of profiles) {
    const label = profileLabel(profile).toLowerCase();
    if (label.startsWith(wanted) || profile.attackId?.toLowerCase() === wanted) starts.push(profile);
    else if (label.includes(wanted) || profile.aliases.some((alias) => alias.toLowerCase().includes(wanted))) holds.push(profile);
  }
  return [...starts, ...holds];
}

export class ProfilePicker {
  readonly el: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLElement;
  private profiles: readonly ThreatProfile[] = [];
  private chosen: ThreatProfile | null = null;
  private shown: ThreatProfile[] = [];
  private active = -1;
  private static count = 0;

  constructor(
    parent: HTMLElement,
    owner: Component,
    private readonly onChoose: (profile: ThreatProfile | null) => void,
  ) {
    const id = `attack-vault-profile-options-${++ProfilePicker.count}`;
    this.el = parent.createDiv({ cls: "attack-vault-profile-picker" });
    this.input = this.el.createEl("input", {
      cls: "attack-vault-filter-profile",
      type: "search",
      placeholder: "Threat profile",
      attr: { role: "combobox", "aria-label": "Threat profile", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": id, autocomplete: "off", spellcheck: "false" },
    });
    this.list = this.el.createEl("ul", { cls: "attack-vault-profile-options is-hidden", attr: { id, role: "listbox", "aria-label": "Threat profiles" } });
    owner.registerDomEvent(this.input, "focus", () => this.open());
    owner.registerDomEvent(this.input, "input", () => {
      // Emptying the box (its clear button, or deleting the text) chooses no profile.
      if (this.input.value.trim() === "" && this.chosen) this.choose(null);
      else this.open();
    });
    owner.registerDomEvent(this.input, "keydown", (event) => this.onKey(event));
    owner.registerDomEvent(this.input, "blur", () => this.close(true));
    // mousedown, not click: a click would come after the box lost its focus and closed the list.
    owner.registerDomEvent(this.list, "mousedown", (event) => {
      const option = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-profile]") : null;
      if (!option) return;
      event.preventDefault();
      this.choose(this.shown[Number(option.dataset.index)] ?? null);
    });
  }

  /** The vault's profiles now, and the one chosen; redraws the list when it is open. */
  update(profiles: readonly ThreatProfile[], chosen: ThreatProfile | null): void {
    this.profiles = profiles;
    this.chosen = chosen;
    this.el.toggleClass("is-hidden", profiles.length === 0 && !chosen);
    if (this.input.ownerDocument.activeElement !== this.input) this.input.value = chosen ? profileLabel(chosen) : "";
    else if (this.isOpen()) this.fill();
  }

  private isOpen(): boolean {
    return this.input.getAttribute("aria-expanded") === "true";
  }

  private open(): void {
    this.input.setAttribute("aria-expanded", "true");
    this.list.removeClass("is-hidden");
    this.active = -1;
    this.fill();
  }

  /** Closing puts the chosen profile's name back in the box; typed text that chose nothing is dropped. */
  private close(restore: boolean): void {
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.list.addClass("is-hidden");
    if (restore) this.input.value = this.chosen ? profileLabel(this.chosen) : "";
  }

  private choose(profile: ThreatProfile | null): void {
    this.chosen = profile;
    this.input.value = profile ? profileLabel(profile) : "";
    this.close(false);
    this.onChoose(profile);
  }

  private fill(): void {
    const typed = this.chosen && this.input.value === profileLabel(this.chosen) ? "" : this.input.value;
    const matches = matchingProfiles(this.profiles, typed);
    this.shown = matches.slice(0, OPTIONS_SHOWN);
    this.list.empty();
    if (matches.length === 0) {
      this.list.createEl("li", { cls: "attack-vault-profile-none", text: this.profiles.length === 0 ? "No threat profile in this vault" : "No threat profile matches" });
      return;
    }
    this.shown.forEach((profile, index) => {
      const option = this.list.createEl("li", {
        cls: "attack-vault-profile-option",
        attr: { role: "option", id: `${this.list.id}-${index}`, "data-profile": profile.path, "data-index": String(index), "aria-selected": String(profile.path === this.chosen?.path) },
      });
      option.createSpan({ cls: "attack-vault-profile-name", text: profileLabel(profile) });
      option.createSpan({ cls: "attack-vault-muted", text: ` ${KIND_WORDS[profile.kind]} · ${plural(profile.techniqueIds.length, "technique")}` });
    });
    if (matches.length > this.shown.length) this.list.createEl("li", { cls: "attack-vault-profile-none", text: `${matches.length - this.shown.length} more: keep typing` });
    this.highlight(Math.min(this.active, this.shown.length - 1));
  }

  private highlight(index: number): void {
    this.active = index;
    const options = Array.from(this.list.querySelectorAll<HTMLElement>(".attack-vault-profile-option"));
    options.forEach((option, position) => option.toggleClass("is-active", position === index));
    const current = options[index];
    if (current) {
      this.input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView?.({ block: "nearest" });
    } else this.input.removeAttribute("aria-activedescendant");
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!this.isOpen()) this.open();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.highlight(Math.max(0, Math.min(this.shown.length - 1, this.active + step)));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const picked = this.shown[this.active] ?? (this.shown.length === 1 ? this.shown[0] : undefined);
      if (picked) this.choose(picked);
      else if (this.input.value.trim() === "") this.choose(null);
    } else if (event.key === "Escape" && this.isOpen()) {
      event.preventDefault();
      this.close(true);
    }
  }
}
