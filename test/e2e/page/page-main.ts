/**
 * The e2e page: the fake Obsidian app with the plugin's own code, on the vault the harness
 * serialised. Once started it sets `window.attackVaultE2E` (see e2e-api.ts) and marks the body ready.
 */
import AttackVaultPlugin from "../../../src/main";
import manifest from "../../../manifest.json";
import { ANNOUNCE_DELAY_MS } from "../../../src/obsidian/index-service";
import { COVERAGE_VIEW_TYPE } from "../../../src/ui/coverage-view";
import { createFakeApp, listenerErrors, renderErrors, type App } from "../../fakes/obsidian";
import type { AppRecords, AttackVaultE2E, PageVaultData } from "./e2e-api";
import { measureFirstRenders } from "./figures";
import { measureProfileFigures } from "./profile-figures";
import { openLivePreview, type LivePreviewEditor } from "./live-preview";
import { measureTyping } from "./typing";

async function settle(app: App): Promise<void> {
  await app.debug.settle();
  const plugin = app.plugins.getPlugin(manifest.id) as AttackVaultPlugin | null;
  while (plugin?.service.building) await new Promise((resolve) => window.setTimeout(resolve, 5));
  await new Promise((resolve) => window.setTimeout(resolve, ANNOUNCE_DELAY_MS + 30));
  await app.debug.settle();
}

function fileAt(app: App, path: string) {
  const file = app.vault.getFileByPath(path);
  if (!file) throw new Error(`no note at ${path}`);
  return file;
}

function records(app: App): AppRecords {
  return {
    openedLinks: app.workspace.openedLinks.map(({ linktext, sourcePath, newLeaf }) => ({ linktext, sourcePath, newLeaf: newLeaf ?? null })),
    hoverEvents: app.workspace.hoverEvents.map(({ source, linktext, sourcePath }) => ({ source, linktext, sourcePath: sourcePath ?? null })),
    appErrors: [...listenerErrors, ...renderErrors].map((error) => (error instanceof Error ? error.stack ?? error.message : String(error))),
  };
}

async function boot(): Promise<void> {
  const vault = (await (await fetch("vault.json")).json()) as PageVaultData;
  const app = createFakeApp({ files: vault.files, pluginData: vault.pluginData === undefined ? {} : { [manifest.id]: vault.pluginData } });
  const plugin = await app.plugins.loadPlugin(AttackVaultPlugin, manifest);
  await app.start();
  await settle(app);
  let editor: LivePreviewEditor | null = null;
  const liveView = () => {
    if (!editor) throw new Error("no Live Preview editor is open");
    return editor.view;
  };
  const frame = () => new Promise((resolve) => window.requestAnimationFrame(() => window.setTimeout(resolve, 30)));
  const api: AttackVaultE2E = {
    vault: vault.name,
    app,
    plugin,
    async openNote(path) {
      await app.workspace.getLeaf(false).openFile(fileAt(app, path));
      await settle(app);
    },
    async openCoverage() {
      await plugin.openCoverage();
      await settle(app);
    },
    async closeCoverage() {
      app.workspace.detachLeavesOfType(COVERAGE_VIEW_TYPE);
      await settle(app);
    },
    hasNote: (path) => app.vault.getFileByPath(path) !== null,
    async createNote(path, text) {
      await app.vault.create(path, text);
      await settle(app);
    },
    async renameNote(from, to) {
      await app.vault.rename(fileAt(app, from), to);
      await settle(app);
    },
    async deleteNote(path) {
      await app.vault.delete(fileAt(app, path));
      await settle(app);
    },
    settle: () => settle(app),
    setTheme(theme) {
      document.body.toggleClass("theme-light", theme === "light");
      document.body.toggleClass("theme-dark", theme === "dark");
    },
    setSidebarWidth(width) {
      document.body.setCssProps({ "--e2e-sidebar-width": width });
    },
    records: () => records(app),
    clearRecords() {
      app.workspace.openedLinks.length = 0;
      app.workspace.hoverEvents.length = 0;
    },
    measureFirstRenders: (notePath) => measureFirstRenders(app, plugin, notePath, vault.name),
    measureProfileFigures: (rounds) => measureProfileFigures(app, plugin, rounds),
    async measureTyping(options) {
      const figures = await measureTyping(app, app.workspace.rootSplit.containerEl, options);
      await settle(app);
      return figures;
    },
    async openLivePreview(path, options) {
      editor?.destroy();
      const host = app.workspace.rootSplit.containerEl.createDiv("markdown-source-view mod-cm6 is-live-preview e2e-live-preview");
      editor = openLivePreview(app, fileAt(app, path), host, options);
      await settle(app);
      await frame();
    },
    closeLivePreview() {
      editor?.view.dom.parentElement?.remove();
      editor?.destroy();
      editor = null;
    },
    livePreviewOffset: (text) => liveView().state.doc.toString().indexOf(text),
    async livePreviewSelect(offset) {
      const view = liveView();
      view.focus();
      view.dispatch({ selection: { anchor: offset } });
      await frame();
    },
    async livePreviewBlur() {
      liveView().contentDOM.blur();
      await frame();
    },
    async livePreviewType(offset, text) {
      liveView().dispatch({ changes: { from: offset, insert: text }, userEvent: "input.type" });
      await frame();
    },
    async setTakeOver(on) {
      await plugin.updateSettings({ takeOverQueryBlocks: on });
      await settle(app);
      await frame();
    },
  };
  window.attackVaultE2E = api;
  document.body.dataset.e2eReady = "true";
}

boot().catch((error: unknown) => {
  document.body.dataset.e2eError = error instanceof Error ? error.stack ?? error.message : String(error);
  console.error("[e2e page] boot failed", error);
});
