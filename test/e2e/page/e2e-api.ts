/**
 * What the e2e page exposes on `window.attackVaultE2E`, shared by the page bundle and the
 * Node tests. Everything a test reads back through `page.evaluate` is plain data.
 */

/** The vault the page was built with, as serialised by the harness. */
export interface PageVaultData {
  name: string;
  files: Record<string, string>;
  /** The plugin's saved settings in that vault (`data.json`), if any. */
  pluginData: unknown;
}

import type { TypingFigures, TypingOptions } from "./typing";
import type { ProfileFigures } from "./profile-figures";

/** Figures for the benchmark's target 8, in milliseconds; see bench/targets/browser.ts. */
export interface BrowserFigures {
  panelFirstRenderMs: number;
  panelBaselineMs: number;
  noteBlocksRenderMs: number;
  noteBaselineMs: number;
  vault: string;
  techniques: number;
}

/** What the fake app recorded, as data a test can compare. */
export interface AppRecords {
  openedLinks: Array<{ linktext: string; sourcePath: string; newLeaf: string | boolean | null }>;
  hoverEvents: Array<{ source: string; linktext: string; sourcePath: string | null }>;
  /** Errors the fake caught in listeners and processors, as Obsidian would log them. */
  appErrors: string[];
}

export interface AttackVaultE2E {
  vault: string;
  /** The fake app and the plugin, for a test's own `page.evaluate`. */
  app: unknown;
  plugin: unknown;
  /** Open a note in reading view in the current main tab, then settle. */
  openNote(path: string): Promise<void>;
  openCoverage(): Promise<void>;
  /** Close the panel; it opens again with no filter, as a new view does. */
  closeCoverage(): Promise<void>;
  hasNote(path: string): boolean;
  createNote(path: string, text: string): Promise<void>;
  renameNote(from: string, to: string): Promise<void>;
  deleteNote(path: string): Promise<void>;
  /** Indexing done, the plugin's coalesced announcement made, open views redrawn. */
  settle(): Promise<void>;
  setTheme(theme: "light" | "dark"): void;
  /** The right sidebar's width, as a CSS length. */
  setSidebarWidth(width: string): void;
  records(): AppRecords;
  clearRecords(): void;
  /**
   * Open a note in a Live Preview editor (real CodeMirror 6) in the main pane, beside a stand-in for
   * Obsidian's own code block decoration; `coreFirst: false` registers that stand-in after the plugin.
   */
  openLivePreview(path: string, options?: { coreFirst?: boolean }): Promise<void>;
  closeLivePreview(): void;
  /** The Live Preview editor's document positions: the start of `text`'s first occurrence. */
  livePreviewOffset(text: string): number;
  /** Put the cursor at `offset` and focus the editor, or blur it. */
  livePreviewSelect(offset: number): Promise<void>;
  livePreviewBlur(): Promise<void>;
  /** Insert text at `offset`, as typing does. */
  livePreviewType(offset: number, text: string): Promise<void>;
  /** Turn the plugin's setting that renders ```query blocks on or off, then settle. */
  setTakeOver(on: boolean): Promise<void>;
  /** Measure the first renders; call once, on a fresh page, before opening anything. */
  measureFirstRenders(notePath: string): Promise<BrowserFigures>;
  /** Time keystrokes in a long note in Live Preview with the plugin's extension and without (the bench's target 9). */
  measureTyping(options: TypingOptions): Promise<TypingFigures>;
  /** Time the panel with a threat profile chosen and without, and the top-gaps ranking (the bench's target 13). */
  measureProfileFigures(rounds: number): Promise<ProfileFigures>;
}

declare global {
  interface Window {
    attackVaultE2E?: AttackVaultE2E;
    /** Set only if markup from a note ever ran. */
    __pwned?: unknown;
  }
}
