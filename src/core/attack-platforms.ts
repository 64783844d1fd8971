/**
 * ATT&CK platform names across releases. Vaults written from older releases keep the names
 * of their day; the shipped release uses today's. This is the one place that maps them.
 */
import { attackRelease, type AttackRelease } from "./attack-catalogue";

/**
 * Names ATT&CK has retired, with the name that replaced them. v16 folded Azure AD into Identity
 * Provider and merged Office 365 and Google Workspace into Office Suite (its release notes);
 * Network became Network Devices (v18.1 gives Network Devices to all 69 catalogue notes that say Network).
 */
export const RENAMED_PLATFORMS: ReadonlyArray<{ old: string; current: string }> = [
  { old: "Azure AD", current: "Identity Provider" },
  { old: "Office 365", current: "Office Suite" },
  { old: "Google Workspace", current: "Office Suite" },
  { old: "Network", current: "Network Devices" },
];

const CURRENT_BY_OLD = new Map(RENAMED_PLATFORMS.map(({ old, current }) => [old.toLowerCase(), current]));

/** What two spellings of one platform share: `azure ad` and `Identity Provider` both give `identity provider`. */
export function platformKey(name: string): string {
  const lower = name.trim().toLowerCase();
  return (CURRENT_BY_OLD.get(lower) ?? lower).toLowerCase();
}

/** Whether two platform names, in any case and from any release, name the same platform. */
export function samePlatform(a: string, b: string): boolean {
  return platformKey(a) === platformKey(b);
}

/** The release's spelling of a platform typed in any case or an older name (`macos` → `macOS`, `Azure AD` → `Identity Provider`); null when it has none. */
export function attackPlatform(text: string, from: AttackRelease = attackRelease()): string | null {
  const key = platformKey(text);
  return from.platforms.find((platform) => platform.toLowerCase() === key) ?? null;
}

/** The release's platform names, without the retired ones its revoked techniques still carry. */
export function currentPlatforms(from: AttackRelease = attackRelease()): string[] {
  return from.platforms.filter((platform) => !CURRENT_BY_OLD.has(platform.toLowerCase()));
}
