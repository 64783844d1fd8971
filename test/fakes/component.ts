/** Obsidian's `Component`: a load/unload lifecycle with children and cleanup callbacks. */
import type { EventRef } from "obsidian";
import type { FakeEventRef } from "./events";

let liveDomListeners = 0;

/** Fake-only: DOM listeners added by `registerDomEvent` and not yet removed. */
export function domListenerCount(): number {
  return liveDomListeners;
}

export class Component {
  /** Fake-only mirror of Obsidian's private flag, read by tests. */
  _loaded = false;
  _children: Component[] = [];
  _events: Array<() => unknown> = [];
  /** Fake-only: what `onload` returned, so the plugin loader can await an async `onload`. */
  _onloadResult: unknown;

  load(): void {
    if (this._loaded) return;
    this._loaded = true;
    this._onloadResult = this.onload();
    for (const child of this._children.slice()) child.load();
  }

  onload(): void {}

  unload(): void {
    if (!this._loaded) return;
    this._loaded = false;
    // Children first, then cleanups last-registered-first, then onunload: Obsidian's order.
    while (this._children.length > 0) this._children.pop()?.unload();
    while (this._events.length > 0) this._events.pop()?.();
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(component: T): T {
    this._children.push(component);
    if (this._loaded) component.load();
    return component;
  }

  removeChild<T extends Component>(component: T): T {
    const index = this._children.indexOf(component);
    if (index >= 0) {
      this._children.splice(index, 1);
      component.unload();
    }
    return component;
  }

  register(cb: () => unknown): void {
    this._events.push(cb);
  }

  registerEvent(eventRef: EventRef): void {
    this.register(() => (eventRef as FakeEventRef).e.offref(eventRef));
  }

  registerDomEvent<K extends keyof WindowEventMap>(el: Window, type: K, callback: (this: HTMLElement, ev: WindowEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  registerDomEvent<K extends keyof DocumentEventMap>(el: Document, type: K, callback: (this: HTMLElement, ev: DocumentEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  registerDomEvent<K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K, callback: (this: HTMLElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  registerDomEvent(el: EventTarget, type: string, callback: (this: HTMLElement, ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
    const listener = callback as EventListener;
    el.addEventListener(type, listener, options);
    liveDomListeners++;
    this.register(() => {
      el.removeEventListener(type, listener, options);
      liveDomListeners--;
    });
  }

  registerInterval(id: number): number {
    this.register(() => window.clearInterval(id));
    return id;
  }
}
