/** @jest-environment jsdom */
/**
 * Issue #15, class 3 in the plugin: the same 120 KB alias note, read by the (fake) metadata cache.
 * The block answers within the note's budget and names the note it gave up on, linked.
 */
import { openNote, startPlugin } from "../plugin/plugin-harness";
import { ALIAS_NOTE, aliasExpansionNote } from "./alias-expansion";

const TECHNIQUE = "Use Cases/T1490.md";

test("a [level:zzz] block lists the good rule and a warning linking the alias note", async () => {
  const { app } = await startPlugin({
    [ALIAS_NOTE]: aliasExpansionNote(),
    "Detection Rules/good.md": "---\nlevel: zzz high\ntags: [t1490, detection_rule]\n---\n",
    [TECHNIQUE]: "---\ntags: [T1490, techniques]\n---\n\n```query\n[level:zzz]\n```\n",
  });
  const content = await openNote(app, TECHNIQUE);
  const warning = content.querySelector(".attack-vault-block-warning");
  expect({
    listed: Array.from(content.querySelectorAll(".attack-vault-item a.internal-link"), (link) => link.getAttribute("data-href")),
    warningLinks: Array.from(warning?.querySelectorAll("a.internal-link") ?? [], (link) => link.getAttribute("data-href")),
    warning: warning?.textContent,
  }).toEqual({
    listed: ["Detection Rules/good.md"],
    warningLinks: [ALIAS_NOTE],
    warning: `A property search read only part of the properties of ${ALIAS_NOTE}, too large to search (YAML aliases can repeat one value many times); this list may be wrong about it.`,
  });
});
