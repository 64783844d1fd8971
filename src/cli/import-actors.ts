/**
 * `attack-vault import-actors`: one threat profile note per ATT&CK group, campaign and software,
 * written into one folder of the vault. Safe to run again and again: it creates what is missing,
 * updates its own notes nobody edited, and leaves everything else alone (see vault-writer.ts).
 */
import { existsSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { actorsFromStix, type ActorKind, type AttackActor } from "../core/attack-actors";
import { techniqueName } from "../core/attack-catalogue";
import { threatProfiles } from "../core/threat-profiles";
import { namesText, plural } from "../core/wording";
import { stringFlag, UsageError, type ParsedArgs } from "./args";
import { CONVENTION_FLAGS, EXIT_WRITE_FAILED, EXIT_OK, OUTPUT_FLAGS, warningLines, type Command } from "./command";
import { openVault, type OpenVault } from "./load-vault";
import { printable } from "./printable";
import { profileNoteText, type ProfileNoteContext } from "./profile-note";
import { readStix } from "./stix-folder";
import { contentHash, importFolder, NoteWriter, noteState, sameText, type ImportFolder, type WriterFs } from "./vault-writer";

export const DEFAULT_FOLDER = "Threat Profiles";

/** ATT&CK's data beside the repository, as the project's own tools read it; `ATTACK_VAULT_SHARED` names another place. */
export function defaultAttackDir(): string {
  const shared = process.env.ATTACK_VAULT_SHARED ?? resolve(__dirname, "../../shared");
  return join(shared, "data/attack/enterprise-attack");
}

export type PlannedAction = "create" | "update" | "unchanged" | "leave";

export interface PlannedNote {
  attackId: string;
  kind: ActorKind;
  /** Vault-relative. */
  path: string;
  action: PlannedAction;
  /** Why a note is left alone. */
  reason?: string;
  /** What would be written, for create and update. */
  text?: string;
  /** What was read, for update. */
  before?: string;
}

/** `APT29` → `G0016 - APT29.md`: characters a file name or a link cannot hold become `_` or `-`, as the catalogue's technique notes do. */
export function profileFileName(actor: Pick<AttackActor, "attackId" | "name">): string {
  const name = actor.name
    .replace(/[/\\]/g, "_")
    .replace(/:/g, "-")
    .replace(/[*?"<>|#^[\]\p{Cc}\p{Cf}]/gu, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  // Cut on a whole character, so no half of a surrogate pair is left.
  const short = Array.from(name).slice(0, 80).join("").trim();
  return short ? `${actor.attackId} - ${short}.md` : `${actor.attackId}.md`;
}

function selectedActors(actors: AttackActor[], only: string | undefined, retired: number): AttackActor[] {
  if (only === undefined) return actors;
  const wanted = only.split(",").map((id) => id.trim().toUpperCase()).filter(Boolean);
  const malformed = wanted.filter((id) => !/^[GCS]\d{4}$/.test(id));
  if (wanted.length === 0 || malformed.length > 0) throw new UsageError(`--only takes ATT&CK IDs of groups, campaigns or software separated by commas (G0016,C0024,S0154), not ${printable(only)}`);
  const byId = new Map(actors.map((actor) => [actor.attackId, actor]));
  const unknown = wanted.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    const why = retired > 0 ? "not in the ATT&CK data, or revoked or deprecated there" : "not in the ATT&CK data";
    throw new UsageError(`--only ${namesText(unknown)}: ${unknown.length === 1 ? "is" : "are"} ${why}`);
  }
  return [...new Set(wanted)].sort().map((id) => byId.get(id) as AttackActor);
}

/** Every actor's profile note: the vault's existing ones by ATT&CK ID, else where a new one goes. */
function profilePaths(vault: OpenVault, folder: ImportFolder, actors: readonly AttackActor[], selected: ReadonlySet<string>): Map<string, string[]> {
  const existing = new Map<string, string[]>();
  for (const profile of threatProfiles(vault.index)) {
    if (!profile.attackId) continue;
    const paths = existing.get(profile.attackId);
    if (paths) paths.push(profile.path);
    else existing.set(profile.attackId, [profile.path]);
  }
  const paths = new Map<string, string[]>();
  for (const actor of actors) {
    const found = existing.get(actor.attackId);
    if (found) paths.set(actor.attackId, found.sort());
    else if (selected.has(actor.attackId)) paths.set(actor.attackId, [`${folder.folder}/${profileFileName(actor)}`]);
  }
  return paths;
}

function noteContext(vault: OpenVault, actors: readonly AttackActor[], paths: ReadonlyMap<string, string[]>): ProfileNoteContext {
  const names = new Map(actors.map((actor) => [actor.attackId, actor.name]));
  const firstNote = (id: string): string | null => [...vault.index.techniqueNotesFor(id)].sort()[0] ?? null;
  return {
    profileTag: vault.settings.profileTag,
    techniquesProperty: vault.settings.profileTechniquesProperty,
    techniqueNote: firstNote,
    techniqueName: (id) => {
      const note = firstNote(id);
      return (note ? vault.index.get(note)?.title : null) ?? techniqueName(id);
    },
    profileNote: (attackId) => paths.get(attackId)?.[0] ?? null,
    actorName: (attackId) => names.get(attackId) ?? null,
  };
}

/** What a run would do for each selected actor, without writing. */
export function planImport(vault: OpenVault, folder: ImportFolder, actors: AttackActor[], selected: AttackActor[]): PlannedNote[] {
  const paths = profilePaths(vault, folder, actors, new Set(selected.map((actor) => actor.attackId)));
  const context = noteContext(vault, actors, paths);
  const inFolder = (path: string): boolean => path.startsWith(`${folder.folder}/`) && !path.slice(folder.folder.length + 1).includes("/");
  const planned: PlannedNote[] = [];
  for (const actor of selected) {
    const text = profileNoteText(actor, context, contentHash);
    for (const path of paths.get(actor.attackId) ?? []) {
      const note = { attackId: actor.attackId, kind: actor.kind, path };
      // A profile the vault already has elsewhere is the user's business: never written, never duplicated.
      if (!inFolder(path)) {
        planned.push({ ...note, action: "leave", reason: `it is not directly in --folder ${folder.folder}` });
        continue;
      }
      const state = noteState(join(folder.vaultPath, path));
      if (state.kind === "missing") planned.push({ ...note, action: "create", text });
      else if (state.kind === "not-ours") planned.push({ ...note, action: "leave", reason: state.reason });
      else if (sameText(state.text, text)) planned.push({ ...note, action: "unchanged" });
      else planned.push({ ...note, action: "update", text, before: state.text });
    }
  }
  return planned;
}

/**
 * The notes a first import would write into `folderName` of a vault, without writing: what the e2e
 * page and the benchmark add to the catalogue vault to have ATT&CK's profiles in it.
 */
export function profileNotesFor(vault: OpenVault, source: string, folderName = DEFAULT_FOLDER): Array<{ path: string; text: string }> {
  const { actors } = actorsFromStix(readStix(source).objects);
  const vaultPath = realpathSync(vault.dir);
  const folder: ImportFolder = { folder: folderName, path: join(vaultPath, folderName), vaultPath, exists: false };
  return planImport(vault, folder, actors, actors).flatMap((note) => (note.action === "create" && note.text !== undefined ? [{ path: note.path, text: note.text }] : []));
}

export interface ImportOutcome {
  planned: PlannedNote[];
  /** Notes that were to be written and were not, and why. */
  failed: Array<{ path: string; reason: string }>;
  /** Temporaries an earlier, interrupted run left, removed. */
  leftoversRemoved: number;
}

/** Writes what the plan says to create or update; each note whole or not at all. */
export function runImport(folder: ImportFolder, planned: PlannedNote[], fs?: WriterFs): ImportOutcome {
  const writer = new NoteWriter(folder, fs);
  const leftoversRemoved = writer.removeLeftovers();
  const failed: ImportOutcome["failed"] = [];
  for (const note of planned) {
    if ((note.action !== "create" && note.action !== "update") || note.text === undefined) continue;
    const fileName = note.path.slice(folder.folder.length + 1);
    const reason = writer.write(fileName, note.text, note.action === "create" ? null : (note.before ?? ""));
    if (reason) failed.push({ path: note.path, reason });
  }
  return { planned, failed, leftoversRemoved };
}

const VERBS: Record<PlannedAction, [string, string]> = {
  create: ["would create", "created"],
  update: ["would update", "updated"],
  unchanged: ["unchanged", "unchanged"],
  leave: ["would leave alone", "left alone"],
};

/** A dry run lists every note it would create, update or leave alone; a run lists what it updated and left alone, and counts the rest. */
export function importReport(outcome: ImportOutcome, dryRun: boolean, source: string, folder: string): string {
  const { planned, failed } = outcome;
  const failedPaths = new Set(failed.map((entry) => entry.path));
  const count = (action: PlannedAction): number => planned.filter((note) => note.action === action && !failedPaths.has(note.path)).length;
  const kinds = (["group", "campaign", "software"] as const).map((kind) => plural(new Set(planned.filter((note) => note.kind === kind).map((note) => note.attackId)).size, kind === "software" ? "software" : kind, kind === "software" ? "software" : `${kind}s`));
  const tense = dryRun ? 0 : 1;
  const lines = [
    `import-actors${dryRun ? " (dry run: nothing written)" : ""}: ${kinds.join(", ")} from ${printable(source)} into ${printable(folder)}/`,
    `${VERBS.create[tense]}: ${count("create")} · ${VERBS.update[tense]}: ${count("update")} · unchanged: ${count("unchanged")} · ${VERBS.leave[tense]}: ${count("leave")}` +
      (failed.length > 0 ? ` · not written: ${failed.length}` : ""),
  ];
  const listed: PlannedAction[] = dryRun ? ["create", "update", "leave"] : ["update", "leave"];
  for (const note of planned) {
    if (!listed.includes(note.action) || failedPaths.has(note.path)) continue;
    lines.push(`  ${VERBS[note.action][tense]}  ${printable(note.path)}${note.reason ? `  (${printable(note.reason)})` : ""}`);
  }
  if (outcome.leftoversRemoved > 0) lines.push(`removed ${plural(outcome.leftoversRemoved, "temporary file")} an interrupted run left`);
  return lines.join("\n") + "\n";
}

export const importActors: Command = {
  summary: "write one threat profile note per ATT&CK group, campaign and software; never a note it did not write or one edited since",
  usage: 'attack-vault import-actors <vault> [--attack DIR] [--folder "Threat Profiles"] [--only G0016,C0024] [--dry-run]',
  positionals: ["<vault>"],
  help: [
    "--attack DIR        ATT&CK's STIX: a folder of mitre/cti per-object bundles (intrusion-set/, campaign/, malware/,",
    "                    tool/, relationship/, attack-pattern/) or one bundle file such as enterprise-attack.json;",
    "                    by default ../shared/data/attack/enterprise-attack beside the repository",
    `--folder F          the vault folder to write into (default "${DEFAULT_FOLDER}"); nothing is written outside it`,
    "--only IDS          only these groups, campaigns and software, by ATT&CK ID, separated by commas",
    "--dry-run           write nothing; list what would be created, updated and left alone",
    "--verbose           list every problem with single notes, not the first few",
    "",
    "A group's and a campaign's profile lists the techniques of the software it uses too, as ATT&CK's pages do.",
    "Revoked and deprecated objects are left out. A note the importer wrote carries a hash of its text; one",
    "without it, or edited since, is left alone, as is every other file. Exit 74 when a note could not be written.",
  ],
  flags: {
    ...CONVENTION_FLAGS,
    verbose: OUTPUT_FLAGS.verbose ?? { takesValue: false },
    attack: { takesValue: true },
    folder: { takesValue: true },
    only: { takesValue: true },
    "dry-run": { takesValue: false },
  },
  run(args) {
    return importActorsRun(args);
  },
};

/** The command's work, with the file calls a test may replace. */
export function importActorsRun(args: ParsedArgs, fs?: WriterFs): ReturnType<Command["run"]> {
  const dryRun = args.flags.has("dry-run");
  const source = stringFlag(args, "attack") ?? defaultAttackDir();
  if (!existsSync(source)) {
    throw new UsageError(
      `no ATT&CK data at ${printable(source)}; give --attack DIR, a folder of mitre/cti's enterprise-attack STIX ` +
        "(intrusion-set/, campaign/, malware/, tool/, relationship/, attack-pattern/) or its enterprise-attack.json",
    );
  }
  const vault = openVault(args);
  const stix = readStix(source);
  const { actors, retired, problems } = actorsFromStix(stix.objects);
  if (actors.length === 0) throw new UsageError(`${printable(source)} holds no ATT&CK group, campaign or software (${plural(stix.files, "file")} read)`);
  const selected = selectedActors(actors, stringFlag(args, "only"), retired);
  const folder = importFolder(vault.dir, stringFlag(args, "folder") ?? DEFAULT_FOLDER, !dryRun, fs);
  const planned = planImport(vault, folder, actors, selected);
  const outcome: ImportOutcome = dryRun ? { planned, failed: [], leftoversRemoved: 0 } : runImport(folder, planned, fs);
  const stderr = [
    ...warningLines(vault, args),
    ...[...stix.warnings, ...problems].map((line) => `warning: ${printable(line)}`),
    ...outcome.failed.map((entry) => `attack-vault: ${printable(entry.path)} ${printable(entry.reason)}`),
  ];
  return { stdout: importReport(outcome, dryRun, source, folder.folder), stderr, exitCode: outcome.failed.length > 0 ? EXIT_WRITE_FAILED : EXIT_OK };
}
