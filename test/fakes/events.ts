/** Obsidian's `Events`: named callbacks; `on` returns a ref that `offref` detaches. */
import type { EventRef } from "obsidian";

// Listener signatures vary per event name, as in Obsidian's overloads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventCallback = (...data: any[]) => unknown;

export interface FakeEventRef extends EventRef {
  e: Events;
  name: string;
  fn: EventCallback;
  ctx: unknown;
}

/** Errors thrown by listeners: Obsidian logs them and carries on, so tests can assert this stays empty. */
export const listenerErrors: unknown[] = [];

export class Events {
  private listeners: Record<string, FakeEventRef[]> = {};

  on(name: string, callback: EventCallback, ctx?: unknown): EventRef {
    const ref: FakeEventRef = { e: this, name, fn: callback, ctx };
    (this.listeners[name] ??= []).push(ref);
    return ref;
  }

  off(name: string, callback: EventCallback): void {
    const refs = this.listeners[name];
    if (!refs) return;
    this.listeners[name] = refs.filter((ref) => ref.fn !== callback);
    if (this.listeners[name]?.length === 0) delete this.listeners[name];
  }

  offref(ref: EventRef): void {
    const fakeRef = ref as FakeEventRef;
    const refs = this.listeners[fakeRef.name];
    if (!refs) return;
    const index = refs.indexOf(fakeRef);
    if (index >= 0) refs.splice(index, 1);
    if (refs.length === 0) delete this.listeners[fakeRef.name];
  }

  trigger(name: string, ...data: unknown[]): void {
    // A copy, so listeners that detach themselves do not skip their neighbours.
    for (const ref of (this.listeners[name] ?? []).slice()) this.tryTrigger(ref, data);
  }

  tryTrigger(evt: EventRef, args: unknown[]): void {
    const ref = evt as FakeEventRef;
    try {
      ref.fn.apply(ref.ctx, args);
    } catch (error) {
      listenerErrors.push(error);
      console.error(`[fake obsidian] listener for "${ref.name}" threw`, error);
    }
  }

  /** Fake-only: live listeners (of one event name, or all), for leak checks. */
  listenerCount(name?: string): number {
    if (name !== undefined) return this.listeners[name]?.length ?? 0;
    return Object.values(this.listeners).reduce((sum, refs) => sum + refs.length, 0);
  }

  /** Fake-only: live listeners per event name. */
  listenerCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [name, refs] of Object.entries(this.listeners)) counts[name] = refs.length;
    return counts;
  }
}
