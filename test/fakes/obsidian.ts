/**
 * The fake `obsidian` module (jest maps `obsidian` here; the e2e page aliases it): what the plugin
 * imports, modelled on Obsidian's typings and its deobfuscated app.js, cited where each behaviour
 * is modelled. It imports no Node built-ins; `load-vault-folder.ts` reads a vault folder from disk.
 */
import "./dom";

export { installDomHelpers } from "./dom";
export { Component, Events, listenerErrors } from "./component";
export { TFile } from "./vault";
export { MarkdownPreviewRenderer, MarkdownRenderChild, MarkdownRenderer, renderErrors } from "./markdown";
export type { MarkdownPostProcessorContext } from "./markdown";
export { MarkdownPreviewView } from "./preview-view";
export { editorInfoField, editorLivePreviewField } from "./editor";
export { ItemView, MarkdownView } from "./views";
export { WorkspaceLeaf } from "./workspace";
export { Plugin } from "./plugin";
export { App, createFakeApp } from "./app";
export { Menu, Modal, Notice, openModals, PluginSettingTab, Setting, shownMenus } from "./ui";
export { debounce, Keymap, normalizePath, setIcon } from "./utils";
