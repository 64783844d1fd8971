/**
 * Timer bookkeeping. The plugin's timers go through `window.setTimeout/setInterval`, which
 * `installTimerTracking` wraps so `activeTimers()` can tell a leak; the fake's own timers use
 * the untracked originals captured here, so they never count as the plugin's.
 */
type TimerHandler = (...args: unknown[]) => void;

interface TimerHost {
  setTimeout(handler: TimerHandler, ms?: number, ...args: unknown[]): unknown;
  clearTimeout(id: unknown): void;
  setInterval(handler: TimerHandler, ms?: number, ...args: unknown[]): unknown;
  clearInterval(id: unknown): void;
}

const host = globalThis as unknown as TimerHost;
const originalSetTimeout = host.setTimeout.bind(globalThis);
const originalClearTimeout = host.clearTimeout.bind(globalThis);

/** The fake's own timers: unaffected by tracking and by jest's fake timers installed later. */
export const internalTimers = {
  setTimeout: (handler: () => void, ms = 0): unknown => originalSetTimeout(handler, ms),
  clearTimeout: (id: unknown): void => originalClearTimeout(id),
};

export type TimerKind = "timeout" | "interval";
const liveTimers = new Map<unknown, TimerKind>();
const trackedHosts = new WeakSet<object>();

/** Wrap a window's timer functions so live timers are counted; safe to call more than once. */
export function installTimerTracking(target: object = globalThis): void {
  if (trackedHosts.has(target)) return;
  trackedHosts.add(target);
  const timers = target as TimerHost;
  const setTimeoutBefore = timers.setTimeout.bind(target);
  const clearTimeoutBefore = timers.clearTimeout.bind(target);
  const setIntervalBefore = timers.setInterval.bind(target);
  const clearIntervalBefore = timers.clearInterval.bind(target);

  timers.setTimeout = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    if (typeof handler !== "function") return setTimeoutBefore(handler, ms, ...args);
    const id: unknown = setTimeoutBefore(
      (...callArgs: unknown[]) => {
        liveTimers.delete(id);
        handler(...callArgs);
      },
      ms,
      ...args,
    );
    liveTimers.set(id, "timeout");
    return id;
  };
  timers.clearTimeout = (id: unknown) => {
    liveTimers.delete(id);
    clearTimeoutBefore(id);
  };
  timers.setInterval = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = setIntervalBefore(handler, ms, ...args);
    liveTimers.set(id, "interval");
    return id;
  };
  timers.clearInterval = (id: unknown) => {
    liveTimers.delete(id);
    clearIntervalBefore(id);
  };
}

/** Live timers started through a tracked window (timeouts not yet fired or cleared, intervals not cleared). */
export function activeTimers(kind?: TimerKind): number {
  if (kind === undefined) return liveTimers.size;
  let count = 0;
  for (const timerKind of liveTimers.values()) if (timerKind === kind) count++;
  return count;
}
