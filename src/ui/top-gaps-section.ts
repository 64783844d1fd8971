/**
 * The panel's "Top gaps": techniques with no detection rule, ranked by how many of the vault's
 * threat profiles list them, the list a team works down. Each shows, on hover (or while its link
 * has the focus), the profiles' names: plain DOM and CSS, so it needs no tooltip machinery.
 * The panel's filters apply, the picked profile included.
 */
import { NO_NOTE, noTopGapsText, topGapsCaption } from "../core/coverage-words";
import { profileNames, type TopGaps } from "../core/top-gaps";
import type { VaultIndex } from "../core/vault-index";
import { capitalised, namesText, plural } from "../core/wording";
import { createInternalLink } from "../obsidian/internal-links";

/** Gaps shown at first, and how many more each "Show more" adds. */
export const TOP_GAPS_SHOWN = 10;

/** Names shown on hover before "and N more": room for a few lines. */
const NAMES_ON_HOVER = 25;

export interface TopGapsState {
  open: boolean;
  shown: number;
}

function renderGap(list: HTMLElement, gap: TopGaps["gaps"][number], rank: number, index: VaultIndex): void {
  const item = list.createEl("li", { cls: "attack-vault-top-gap", attr: { "data-technique": gap.id } });
  item.createSpan({ cls: "attack-vault-top-gap-rank", text: `${rank}` });
  item.createSpan({ cls: "attack-vault-technique-id", text: gap.id });
  if (gap.note) createInternalLink(item, gap.note, gap.name, "attack-vault-technique-name");
  else item.createSpan({ cls: "attack-vault-technique-name", text: `${gap.name} (${NO_NOTE})` });
  item.createSpan({ cls: "attack-vault-top-gap-count", text: plural(gap.profiles.length, "profile") });
  item.createDiv({ cls: "attack-vault-top-gap-names", text: namesText(profileNames(index, gap.profiles), NAMES_ON_HOVER) });
}

/** Draws the section into `parent`, empty when the vault has no threat profiles. */
export function renderTopGaps(parent: HTMLElement, ranking: (limit: number) => TopGaps, index: VaultIndex, state: TopGapsState): void {
  parent.empty();
  const profiles = index.profilePaths().size;
  if (profiles === 0) return;
  const { gaps, total } = ranking(state.shown);
  const details = parent.createEl("details", { cls: "attack-vault-top-gaps" });
  details.open = state.open;
  details.addEventListener("toggle", () => (state.open = details.open));
  details.createEl("summary", { text: `Top gaps (${total})` });
  if (total === 0) {
    details.createDiv({ cls: "attack-vault-muted", text: `${capitalised(noTopGapsText(profiles))}.` });
    return;
  }
  details.createDiv({ cls: "attack-vault-muted", text: topGapsCaption(profiles) });
  const list = details.createEl("ol", { cls: "attack-vault-top-gaps-list" });
  gaps.forEach((gap, position) => renderGap(list, gap, position + 1, index));
  if (gaps.length < total) {
    const more = details.createEl("button", { cls: "attack-vault-show-all", text: `Show ${Math.min(TOP_GAPS_SHOWN, total - gaps.length)} more` });
    more.addEventListener("click", () => {
      state.shown += TOP_GAPS_SHOWN;
      renderTopGaps(parent, ranking, index, state);
    });
  }
}
