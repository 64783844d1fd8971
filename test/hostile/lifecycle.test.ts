/** @jest-environment jsdom */
/**
 * Loading and unloading the plugin 100 times over the hostile vault, with a note of query blocks
 * open: no listener, timer, DOM node, command, view or processor is left behind, and core Search
 * holds the `query` language again, with the registry's own functions back in place.
 * The right sidebar's tabs are the user's layout: each reload that opens the panel adds one there,
 * because the fake empties the tab for good where Obsidian would restore the view into it.
 */
import AttackVaultPlugin from "../../src/main";
import { loadVaultFolder } from "../fakes/load-vault-folder";
import { createFakeApp, listenerErrors, MarkdownPreviewRenderer, renderErrors, type App } from "../fakes/obsidian";
import { buildHostileVault, removeVault } from "../fixtures/hostile-vault";
import { MANIFEST, openCoverage, openNote, settle } from "../plugin/plugin-harness";
import { T1490_NOTE } from "./expected-answers";

const ROUNDS = 100;

const hostileDir = buildHostileVault({ hostile: true });
const hostileFiles = loadVaultFolder(hostileDir);
removeVault(hostileDir);

type Registry = Record<string, unknown>;

/**
 * Elements in the page outside `sidebar`. A panel's tab stays in the right sidebar's layout after an
 * unload (the fake empties it, as Obsidian does) and is counted apart: it must hold none of our nodes.
 */
function nodesOutside(sidebar: HTMLElement): number {
  return Array.from(document.body.getElementsByTagName("*")).filter((element) => !sidebar.contains(element)).length;
}

/** Everything a plugin can leave behind, by identity where identity matters. */
function footprint(app: App): Record<string, unknown> {
  const registry = MarkdownPreviewRenderer as unknown as Registry;
  return {
    ...app.debug.footprint(),
    domNodesOutsideRightSidebar: nodesOutside(app.workspace.rightSplit.containerEl),
    pluginNodes: document.querySelectorAll('[class*="attack-vault"]').length,
    register: registry.registerCodeBlockPostProcessor,
    unregister: registry.unregisterCodeBlockPostProcessor,
    leaves: app.workspace.getLeavesOfType("attack-vault-coverage").length,
  };
}

test(`loading and unloading ${ROUNDS} times leaves the app as it was`, async () => {
  const app = createFakeApp({ files: hostileFiles });
  await app.start();
  await openNote(app, T1490_NOTE);
  await settle(app);
  const before = footprint(app);
  const coreSearchQuery = MarkdownPreviewRenderer.codeBlockPostProcessors.query;
  for (let round = 0; round < ROUNDS; round++) {
    const plugin = await app.plugins.loadPlugin(AttackVaultPlugin, MANIFEST);
    await app.debug.settle();
    // Every tenth round goes further: the panel open and the index's announcement awaited.
    if (round % 10 === 0) await openCoverage({ app, plugin });
    await app.plugins.unloadPlugin(MANIFEST.id);
    await app.debug.settle();
  }
  await settle(app);
  expect({ footprint: footprint(app), coreSearchHoldsQuery: MarkdownPreviewRenderer.codeBlockPostProcessors.query === coreSearchQuery, errors: [...listenerErrors, ...renderErrors] }).toEqual({
    footprint: before,
    coreSearchHoldsQuery: true,
    errors: [],
  });
});
