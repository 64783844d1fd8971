/**
 * The fake `obsidian` module (jest maps `obsidian` here): a faithful-enough model of the app for
 * tests in jsdom and in a real browser page. It imports no Node built-ins; the loader that reads
 * a vault folder from disk is separate (`load-vault-folder.ts`).
 */
import "./dom";

export { Events, listenerErrors } from "./events";
export type { EventCallback } from "./events";
export { Component, domListenerCount } from "./component";
export { installDomHelpers, isElementShown } from "./dom";
export { installTimerTracking, activeTimers } from "./timers";
export { TAbstractFile, TFile, TFolder } from "./files";
export { Vault } from "./vault";
export type { VaultWrite, VaultWriteKind } from "./vault";
export { MetadataCache } from "./metadata-cache";
export {
  getAllTags, getFrontMatterInfo, parseFrontMatterAliases, parseFrontMatterEntry, parseFrontMatterStringArray,
  parseFrontMatterTags, parseYaml, stringifyYaml,
} from "./frontmatter";
export { MarkdownPreviewRenderer, MarkdownRenderChild, MarkdownRenderer, renderErrors } from "./markdown";
export type { MarkdownPostProcessor, MarkdownPostProcessorContext, CodeBlockHandler } from "./markdown";
export { MarkdownPreviewView } from "./preview-view";
export { editorInfoField, editorLivePreviewField } from "./editor";
export { View, ItemView, FileView, TextFileView, MarkdownView, EmptyView } from "./views";
export { WorkspaceLeaf, WorkspaceSplit, WorkspaceTabs } from "./workspace-leaf";
export { Workspace } from "./workspace";
export type { HoverLinkEvent, OpenedLink } from "./workspace";
export { ViewRegistry } from "./view-registry";
export type { ViewCreator } from "./view-registry";
export { Plugin, PluginManager } from "./plugin";
export { InternalPlugin, InternalPlugins } from "./core-plugins";
export { App, Commands, FileManager, createFakeApp } from "./app";
export type { FakeAppOptions, StartOptions } from "./app";
export { Notice, noticeLog, Modal, openModals, Menu, MenuItem, shownMenus, setTooltip, displayTooltip } from "./ui-widgets";
export {
  BaseComponent, ValueComponent, AbstractTextComponent, TextComponent, TextAreaComponent, SearchComponent,
  ToggleComponent, DropdownComponent, ButtonComponent, ExtraButtonComponent,
} from "./settings-ui";
export { Setting, SettingTab, PluginSettingTab, SettingsWindow } from "./setting";
export { setIcon, getIcon, addIcon, removeIcon, getIconIds } from "./icons";
export {
  normalizePath, parseLinktext, getLinkpath, debounce, Platform, apiVersion, requireApiVersion,
  requestUrl, request, Keymap, Scope,
} from "./utils";
