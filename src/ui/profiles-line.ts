/**
 * The line under a technique's rules block: "Used by 14 profiles in this vault: APT29, FIN7, …",
 * the first few as links, the rest behind a button. A technique no profile uses says so, since
 * that too ranks the gap; a vault without profiles shows nothing.
 */
import { profilesUsing, type ThreatProfile } from "../core/threat-profiles";
import { plural } from "../core/wording";
import type { VaultIndex } from "../core/vault-index";
import { createInternalLink } from "../obsidian/internal-links";

/** Names shown as links before the rest fold behind "and N more". */
export const PROFILES_SHOWN = 5;

function links(parent: HTMLElement, profiles: readonly ThreatProfile[]): void {
  profiles.forEach((profile, position) => {
    if (position > 0) parent.appendText(", ");
    createInternalLink(parent, profile.path, profile.name, "attack-vault-profile-link");
  });
}

export function renderProfilesLine(parent: HTMLElement, index: VaultIndex, techniqueId: string): void {
  if (index.profilePaths().size === 0) return;
  const { direct, viaSubTechniques } = profilesUsing(index, techniqueId);
  const all = [...direct, ...viaSubTechniques];
  const line = parent.createDiv({ cls: "attack-vault-used-by" });
  if (all.length === 0) {
    line.addClass("is-unused");
    line.setText(`Used by no threat profile in this vault`);
    return;
  }
  const through = viaSubTechniques.length > 0 ? ` (${viaSubTechniques.length} only through its sub-techniques)` : "";
  line.createSpan({ cls: "attack-vault-used-by-count", text: `Used by ${plural(all.length, "profile")} in this vault${through}: ` });
  const names = line.createSpan({ cls: "attack-vault-used-by-names" });
  links(names, all.slice(0, PROFILES_SHOWN));
  if (all.length <= PROFILES_SHOWN) return;
  const more = line.createEl("button", { cls: "attack-vault-used-by-more", text: `and ${all.length - PROFILES_SHOWN} more`, attr: { "aria-expanded": "false" } });
  more.addEventListener("click", () => {
    names.empty();
    links(names, all);
    more.remove();
  });
}
