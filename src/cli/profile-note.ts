/**
 * The Markdown of one threat profile note written by `import-actors`: frontmatter (the profile tag,
 * name, ATT&CK ID, kind, aliases and techniques), ATT&CK's description with its citations as
 * footnotes, a block listing the profile's gaps, the techniques as links to the vault's technique
 * notes, and the references. The same inputs always give the same bytes.
 *
 * ATT&CK's text is outside text: nothing in it may become markup that runs (a code block for
 * Dataview or another plugin, an embed, HTML), so those are escaped; names become text in headings and links.
 */
import { dump } from "js-yaml";
import type { ActorKind, AttackActor } from "../core/attack-actors";
import { GAPS_SECTION, NO_NOTE } from "../core/coverage-words";
import { markdownText } from "./coverage-markdown";

export interface ProfileNoteContext {
  profileTag: string;
  techniquesProperty: string;
  /** The vault's technique note for an ID, if any. */
  techniqueNote(id: string): string | null;
  /** A technique's name: the vault's note's, else ATT&CK's, else null. */
  techniqueName(id: string): string | null;
  /** Where another actor's profile note is or will be, for links; null when there is none. */
  profileNote(attackId: string): string | null;
  /** Another actor's name, when the data holds it. */
  actorName(attackId: string): string | null;
}

/** The frontmatter key holding the hash of the note as written: the importer's mark, and how it tells an edit. */
export const HASH_KEY = "attack_vault_hash";

const KIND_WORDS: Record<ActorKind, string> = { group: "Group", campaign: "Campaign", software: "Software" };

/** `[[Use Cases/T1001 - Data Obfuscation|T1001 Data Obfuscation]]`, or plain text when the path cannot be a wikilink. */
function link(path: string | null, label: string): string {
  const shown = label.replace(/[[\]|]/g, " ").replace(/\s+/g, " ").trim();
  if (!path || /[[\]|#^]/.test(path)) return markdownText(shown);
  return `[[${path.replace(/\.md$/i, "")}|${shown}]]`;
}

/**
 * ATT&CK's Markdown with what could run or embed neutralised: HTML (but `<code>`, which becomes
 * backticks), fences (a ```` ```dataviewjs ```` would run), Dataview's inline queries (`` `$= …` ``),
 * embeds (`![[…]]`), and footnote markers of its own.
 */
export function safeDescription(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, "\n")
    .replace(/<code>([^<`]*)<\/code>/gi, "`$1`")
    .replace(/</g, "&lt;")
    .replace(/^([ \t>]*)(`{3,}|~{3,})/gm, (_match, indent: string, fence: string) => indent + fence.replace(/[`~]/g, "\\$&"))
    .replace(/`(\$?=)/g, "\\`$1")
    .replace(/!\[\[/g, "!\\[[")
    .replace(/\[\^/g, "\\[^");
}

/** Citations become numbered footnotes, in the order they first appear. */
function withFootnotes(description: string, actor: AttackActor): { text: string; footnotes: string[] } {
  const numbers = new Map<string, number>();
  const text = description.replace(/\(Citation: ([^)]*)\)/g, (_match, name: string) => {
    const key = name.trim();
    if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
    return `[^${numbers.get(key) ?? 0}]`;
  });
  const byName = new Map(actor.references.map((reference) => [reference.name, reference]));
  const footnotes = [...numbers].map(([name, number]) => {
    const reference = byName.get(name);
    const said = safeDescription(reference?.description ?? name).replace(/\n+/g, " ");
    const url = reference?.url && /^https?:\/\/[^\s<>]+$/.test(reference.url) ? ` <${reference.url}>` : "";
    return `[^${number}]: ${said}${url}`;
  });
  return { text, footnotes };
}

function frontmatter(actor: AttackActor, context: ProfileNoteContext): string {
  const properties: Record<string, unknown> = {
    tags: [context.profileTag],
    name: actor.name,
    attack_id: actor.attackId,
    kind: actor.kind,
    // The name first, so that [[APT29]] finds the note.
    aliases: [actor.name, ...actor.aliases],
    [context.techniquesProperty]: actor.techniques.map((technique) => technique.id),
  };
  if (actor.url) properties.attack_url = actor.url;
  if (actor.modified) properties.attack_modified = actor.modified;
  return dump(properties, { lineWidth: -1, noRefs: true, sortKeys: false });
}

function techniqueLine(actor: AttackActor, technique: AttackActor["techniques"][number], context: ProfileNoteContext): string {
  const name = context.techniqueName(technique.id);
  const label = name ? `${technique.id} ${name}` : technique.id;
  const note = context.techniqueNote(technique.id);
  const item = note ? link(note, label) : `${markdownText(label)} (${NO_NOTE})`;
  if (technique.direct || technique.via.length === 0) return `- ${item}`;
  const via = technique.via.map((id) => link(context.profileNote(id), context.actorName(id) ?? id));
  return `- ${item} — through ${via.join(", ")}`;
}

function actorList(title: string, ids: readonly string[], context: ProfileNoteContext): string[] {
  if (ids.length === 0) return [];
  const items = ids.map((id) => `- ${link(context.profileNote(id), `${context.actorName(id) ?? id} (${id})`)}`);
  return [`## ${title} (${ids.length})`, "", ...items, ""];
}

/** The note without its hash line: what the hash is taken of. */
export function profileNoteBody(actor: AttackActor, context: ProfileNoteContext): { frontmatter: string; body: string } {
  const { text, footnotes } = withFootnotes(safeDescription(actor.description.trim()), actor);
  const kind = KIND_WORDS[actor.kind].toLowerCase();
  const origin = actor.url ? `[${actor.attackId}](${actor.url})` : actor.attackId;
  const since = actor.modified ? `, as of ${actor.modified}` : "";
  const lines = [
    `# ${markdownText(actor.name)}`,
    "",
    `*${KIND_WORDS[actor.kind]} ${origin} in MITRE ATT&CK${since}. Written by \`attack-vault import-actors\`: edit it freely; once you do, the importer leaves this note alone.*`,
    "",
  ];
  if (text) lines.push(text, "");
  lines.push(
    `## ${GAPS_SECTION.title}`,
    "",
    "```attack-query",
    `profile: ${actor.attackId}`,
    "coverage: gap",
    "```",
    "",
    `## Techniques (${actor.techniques.length})`,
    "",
  );
  if (actor.techniques.length === 0) lines.push(`ATT&CK records no technique for this ${kind}.`);
  for (const technique of actor.techniques) lines.push(techniqueLine(actor, technique, context));
  lines.push("");
  lines.push(...actorList("Software", actor.software, context), ...actorList("Attributed to", actor.attributedTo, context), ...actorList("Campaigns", actor.campaigns, context));
  if (footnotes.length > 0) lines.push("## References", "", ...footnotes, "");
  return { frontmatter: frontmatter(actor, context), body: lines.join("\n").replace(/\n+$/, "\n") };
}

/** The whole note, its hash line last in the frontmatter. */
export function profileNoteText(actor: AttackActor, context: ProfileNoteContext, hashOf: (text: string) => string): string {
  const { frontmatter: yaml, body } = profileNoteBody(actor, context);
  const unhashed = `---\n${yaml}---\n${body}`;
  return `---\n${yaml}${HASH_KEY}: ${hashOf(unhashed)}\n---\n${body}`;
}

/**
 * The note's text without its hash line, and the hash that line holds; null when the frontmatter has
 * no such line (a note the importer did not write). Line endings are read as `\n`, so a checkout that
 * turned them into `\r\n` is no edit.
 */
export function splitHash(text: string): { unhashed: string; hash: string } | null {
  const normal = text.replace(/\r\n/g, "\n");
  if (!normal.startsWith("---\n")) return null;
  const end = normal.indexOf("\n---\n", 3);
  if (end === -1) return null;
  const pattern = new RegExp(`^${HASH_KEY}: ([0-9a-f]{64})\\n`, "m");
  const frontmatterText = normal.slice(0, end + 1);
  const match = pattern.exec(frontmatterText);
  if (!match?.[1]) return null;
  return { unhashed: normal.slice(0, match.index) + normal.slice(match.index + match[0].length), hash: match[1] };
}
