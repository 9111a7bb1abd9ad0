/**
 * The process's lifecycle, as far as background work needs to know it: whether the instance is draining (a
 * SIGTERM/SIGINT arrived: lib/shutdown.ts), and the vendor work in flight that a shutdown lets finish. The outbox
 * (no new claims, inline deliveries included) and the lead sync (no new runs) read `isDraining()`; work that
 * calls a vendor outside the worker (an inline delivery, a manual refresh) is wrapped in `trackInFlight` so the
 * shutdown can wait for it. Imports nothing, so every layer may use it.
 */

const globalForLifecycle = globalThis as unknown as { __storedeskLifecycle?: { draining: boolean; inFlight: Set<Promise<unknown>> } };

function state() {
  globalForLifecycle.__storedeskLifecycle ??= { draining: false, inFlight: new Set() };
  return globalForLifecycle.__storedeskLifecycle;
}

/** True once a shutdown began: start no new job claim and no new sync. */
export function isDraining(): boolean {
  return state().draining;
}

/** Marks the process as draining (lib/shutdown.ts). */
export function beginDraining(): void {
  state().draining = true;
}

/** Tests only: back to a running process. */
export function resetLifecycleForTests(): void {
  globalForLifecycle.__storedeskLifecycle = { draining: false, inFlight: new Set() };
}

/** Registers work in flight (a vendor call and the bookkeeping after it); the shutdown waits for it, bounded. */
export function trackInFlight<T>(work: Promise<T>): Promise<T> {
  const set = state().inFlight;
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  set.add(settled);
  void settled.then(() => set.delete(settled));
  return work;
}

/** Resolves when every tracked piece of work settled, or false at the deadline. */
export async function waitForInFlight(deadline: number): Promise<boolean> {
  const set = state().inFlight;
  while (set.size > 0) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all([...set]), new Promise((r) => (timer = setTimeout(r, left)))]);
    clearTimeout(timer);
  }
  return true;
}

/** How many pieces of work are in flight (logs). */
export function inFlightCount(): number {
  return state().inFlight.size;
}
