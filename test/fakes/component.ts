/** `Events` and `Component` (obsidian.d.ts): named callbacks, and a load/unload lifecycle with children and cleanups. */
import type { EventRef } from "obsidian";

// Listener signatures vary per event name, as in Obsidian's overloads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Callback = (...data: any[]) => unknown;
interface Ref extends EventRef { events: Events; name: string; fn: Callback; ctx: unknown }

/** Errors thrown by listeners: Obsidian rethrows them on a timer and carries on (app.js id 56172161012, `tryTrigger`); tests assert this stays empty. */
export const listenerErrors: unknown[] = [];

export class Events {
  private listeners: Record<string, Ref[]> = {};

  on(name: string, callback: Callback, ctx?: unknown): EventRef {
    const ref: Ref = { events: this, name, fn: callback, ctx };
    (this.listeners[name] ??= []).push(ref);
    return ref;
  }

  off(name: string, callback: Callback): void {
    this.listeners[name] = (this.listeners[name] ?? []).filter((ref) => ref.fn !== callback);
  }

  offref(ref: EventRef): void {
    const refs = this.listeners[(ref as Ref).name] ?? [];
    if (refs.includes(ref as Ref)) refs.splice(refs.indexOf(ref as Ref), 1);
  }

  trigger(name: string, ...data: unknown[]): void {
    // On a copy, as app.js does (id 56172161012): listeners that detach themselves skip no neighbour.
    for (const ref of (this.listeners[name] ?? []).slice()) {
      try {
        ref.fn.apply(ref.ctx, data);
      } catch (error) {
        listenerErrors.push(error);
        console.error(`[fake obsidian] listener for "${name}" threw`, error);
      }
    }
  }

  /** Fake-only: live listeners, for leak checks. */
  listenerCount(): number {
    return Object.values(this.listeners).reduce((sum, refs) => sum + refs.length, 0);
  }
}

let liveDomListeners = 0;

/** Fake-only: DOM listeners added by `registerDomEvent` and not yet removed. */
export function domListenerCount(): number {
  return liveDomListeners;
}

export class Component {
  private loaded = false;
  private children: Component[] = [];
  private cleanups: Array<() => unknown> = [];
  /** Fake-only: what `onload` returned, so the plugin loader can await an async `onload`. */
  onloadResult: unknown;

  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.onloadResult = this.onload();
    for (const child of this.children.slice()) child.load();
  }

  onload(): void {}

  /** Children first, then cleanups last-registered-first, then onunload (app.js id 56292484235, `Component.unload`). */
  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    while (this.children.length > 0) this.children.pop()?.unload();
    while (this.cleanups.length > 0) this.cleanups.pop()?.();
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(component: T): T {
    this.children.push(component);
    if (this.loaded) component.load();
    return component;
  }

  removeChild<T extends Component>(component: T): T {
    if (this.children.includes(component)) {
      this.children.splice(this.children.indexOf(component), 1);
      component.unload();
    }
    return component;
  }

  register(cb: () => unknown): void {
    this.cleanups.push(cb);
  }

  registerEvent(ref: EventRef): void {
    this.register(() => (ref as Ref).events.offref(ref));
  }

  registerDomEvent(el: EventTarget, type: string, callback: (ev: never) => unknown, options?: boolean | AddEventListenerOptions): void {
    el.addEventListener(type, callback as EventListener, options);
    liveDomListeners++;
    this.register(() => {
      el.removeEventListener(type, callback as EventListener, options);
      liveDomListeners--;
    });
  }
}
