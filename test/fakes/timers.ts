/**
 * Timer bookkeeping for leak checks: `installTimerTracking` wraps a window's timer functions so
 * `activeTimers()` counts the plugin's live timeouts and intervals. The fake's own timers use the
 * originals captured here, so they never count, nor move under jest's fake timers.
 */
const originalSetTimeout = globalThis.setTimeout.bind(globalThis);
const originalClearTimeout = globalThis.clearTimeout.bind(globalThis);

export const internalTimers = {
  setTimeout: (handler: () => void, ms = 0): unknown => originalSetTimeout(handler, ms),
  clearTimeout: (id: unknown): void => originalClearTimeout(id as ReturnType<typeof setTimeout>),
};

const liveTimers = new Set<unknown>();
const tracked = new WeakSet<object>();

export function installTimerTracking(target: object): void {
  if (tracked.has(target)) return;
  tracked.add(target);
  const host = target as Record<string, (...args: unknown[]) => unknown>;
  const before = { setTimeout: host.setTimeout!.bind(target), clearTimeout: host.clearTimeout!.bind(target), setInterval: host.setInterval!.bind(target), clearInterval: host.clearInterval!.bind(target) };
  host.setTimeout = (handler, ms, ...args) => {
    const id: unknown = before.setTimeout((...callArgs: unknown[]) => {
      liveTimers.delete(id);
      (handler as (...args: unknown[]) => void)(...callArgs);
    }, ms, ...args);
    liveTimers.add(id);
    return id;
  };
  host.setInterval = (...args) => {
    const id = before.setInterval(...args);
    liveTimers.add(id);
    return id;
  };
  host.clearTimeout = (id) => (liveTimers.delete(id), before.clearTimeout(id));
  host.clearInterval = (id) => (liveTimers.delete(id), before.clearInterval(id));
}

/** Live timers started through a tracked window: timeouts not yet fired or cleared, intervals not cleared. */
export function activeTimers(): number {
  return liveTimers.size;
}
