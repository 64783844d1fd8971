/** View types and the file extensions they open, as in Obsidian's view registry. */
import type { View } from "./views";
import type { WorkspaceLeaf } from "./workspace-leaf";

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

export class ViewRegistry {
  viewByType: Record<string, ViewCreator> = {};
  typeByExtension: Record<string, string> = {};

  registerView(type: string, viewCreator: ViewCreator): void {
    if (this.viewByType[type]) throw new Error('Attempting to register an existing view type "' + type + '"');
    this.viewByType[type] = viewCreator;
  }

  unregisterView(type: string): void {
    delete this.viewByType[type];
  }

  registerExtensions(extensions: string[], viewType: string): void {
    for (const extension of extensions) {
      if (this.typeByExtension[extension]) throw new Error('Attempting to register an existing file extension "' + extension + '"');
      this.typeByExtension[extension] = viewType;
    }
  }

  unregisterExtensions(extensions: string[]): void {
    for (const extension of extensions) delete this.typeByExtension[extension];
  }

  getViewCreatorByType(type: string): ViewCreator | undefined {
    return this.viewByType[type];
  }

  getTypeByExtension(extension: string): string | undefined {
    return this.typeByExtension[extension];
  }
}
