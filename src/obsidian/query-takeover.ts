/**
 * Taking ```query blocks over from core Search. Obsidian keeps one code block processor
 * per language and throws when a second registers, and core Search holds `query`. So we
 * set core Search's processor aside, put ours in its place, and put it back when we let
 * go. While we hold the language, core Search being enabled or disabled only updates
 * what we will put back, instead of throwing or removing ours.
 */
import { MarkdownPreviewRenderer, type MarkdownPostProcessorContext } from "obsidian";

export type CodeBlockHandler = (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => Promise<unknown> | void;

/** Obsidian's internal registry behind `registerMarkdownCodeBlockProcessor` (not public API). */
interface CodeBlockRegistry {
  codeBlockPostProcessors?: Record<string, CodeBlockHandler | undefined>;
  registerCodeBlockPostProcessor?: (language: string, handler: CodeBlockHandler, ...rest: unknown[]) => void;
  unregisterCodeBlockPostProcessor?: (language: string) => void;
}

export class QueryBlockTakeover {
  private holding = false;
  private setAside: CodeBlockHandler | null = null;
  private restoreRegistry: (() => void) | null = null;

  constructor(
    private readonly language: string,
    private readonly handler: CodeBlockHandler,
  ) {}

  get isHolding(): boolean {
    return this.holding;
  }

  /** True when our handler now renders the language. False when this Obsidian has no such registry. */
  take(): boolean {
    if (this.holding) return true;
    const registry = MarkdownPreviewRenderer as unknown as CodeBlockRegistry;
    const processors = registry.codeBlockPostProcessors;
    const register = registry.registerCodeBlockPostProcessor;
    const unregister = registry.unregisterCodeBlockPostProcessor;
    if (!processors || !register || !unregister) return false;
    this.setAside = processors[this.language] ?? null;
    if (this.setAside) unregister.call(registry, this.language);
    register.call(registry, this.language, this.handler);
    this.holding = true;
    registry.registerCodeBlockPostProcessor = (language, handler, ...rest) => {
      if (language === this.language && this.holding) this.setAside = handler;
      else register.call(registry, language, handler, ...rest);
    };
    registry.unregisterCodeBlockPostProcessor = (language) => {
      if (language === this.language && this.holding) this.setAside = null;
      else unregister.call(registry, language);
    };
    this.restoreRegistry = () => {
      registry.registerCodeBlockPostProcessor = register;
      registry.unregisterCodeBlockPostProcessor = unregister;
    };
    return true;
  }

  /** Give the language back to whoever holds it now (core Search, if it is on). */
  release(): void {
    if (!this.holding) return;
    this.restoreRegistry?.();
    this.restoreRegistry = null;
    this.holding = false;
    const registry = MarkdownPreviewRenderer as unknown as CodeBlockRegistry;
    registry.unregisterCodeBlockPostProcessor?.(this.language);
    if (this.setAside) registry.registerCodeBlockPostProcessor?.(this.language, this.setAside);
    this.setAside = null;
  }
}
