'use client';

/**
 * Data the hostess pages read from the console (her submissions today, the loyalty campaigns), with the few
 * behaviours of TanStack Query they used and none of its weight (issue 10, point 6 — the hostess pages ship
 * no query library): one cache per tab shared by every component that reads a key, a fresh load on mount
 * only when the cached answer is older than `staleTime`, one retry after a second, polling every
 * `refetchInterval` while the tab is visible, a reload when the tab comes back or the network returns and
 * the answer is stale, and `invalidateRemoteData(key)` to reload now. A failed reload keeps the last data
 * and reports the error beside it.
 */
import { useEffect, useSyncExternalStore } from 'react';

/** `isPending`: no answer yet; `isSuccess`: the last load worked; `isError`: it failed (earlier data kept). */
export type RemoteData<T> =
  | { data: undefined; error: null; isPending: true; isSuccess: false; isError: false }
  | { data: T; error: null; isPending: false; isSuccess: true; isError: false }
  | { data: T | undefined; error: Error; isPending: false; isSuccess: false; isError: true };

interface Entry<T> {
  state: RemoteData<T>;
  updatedAt: number;
  inFlight: Promise<void> | null;
  fetcher: (() => Promise<T>) | null;
  listeners: Set<() => void>;
  subscribe: (listener: () => void) => () => void;
}

export const RETRY_DELAY_MS = 1_000;
const PENDING: RemoteData<never> = { data: undefined, error: null, isPending: true, isSuccess: false, isError: false };
const entries = new Map<string, Entry<unknown>>();

function entryFor<T>(key: string): Entry<T> {
  let entry = entries.get(key) as Entry<T> | undefined;
  if (!entry) {
    const listeners = new Set<() => void>();
    const created: Entry<T> = {
      state: PENDING,
      updatedAt: 0,
      inFlight: null,
      fetcher: null,
      listeners,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    entries.set(key, created as Entry<unknown>);
    entry = created;
  }
  return entry;
}

function set<T>(entry: Entry<T>, state: RemoteData<T>): void {
  entry.state = state;
  for (const listener of entry.listeners) listener();
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

function load<T>(entry: Entry<T>): Promise<void> {
  const fetcher = entry.fetcher;
  if (!fetcher) return Promise.resolve();
  entry.inFlight ??= (async () => {
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const data = await fetcher();
          entry.updatedAt = Date.now();
          set(entry, { data, error: null, isPending: false, isSuccess: true, isError: false });
          return;
        } catch (e) {
          if (attempt >= 1) {
            set(entry, { data: entry.state.data, error: asError(e), isPending: false, isSuccess: false, isError: true });
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
        }
      }
    } finally {
      entry.inFlight = null;
    }
  })();
  return entry.inFlight;
}

function adopt<T>(entry: Entry<T>, fetcher: () => Promise<T>): void {
  entry.fetcher = fetcher;
}

/** Reloads a key now if something shows it; otherwise its next reader loads it afresh. */
export function invalidateRemoteData(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  entry.updatedAt = 0;
  if (entry.listeners.size) void load(entry);
}

export function useRemoteData<T>(
  key: string,
  fetcher: () => Promise<T>,
  { staleTime = 10_000, refetchInterval }: { staleTime?: number; refetchInterval?: number } = {},
): RemoteData<T> {
  const entry = entryFor<T>(key);
  const state = useSyncExternalStore(entry.subscribe, () => entry.state, () => PENDING as RemoteData<T>);
  // The latest fetcher (its closure may read new props); set before the loading effect below runs.
  useEffect(() => adopt(entry, fetcher));
  useEffect(() => {
    const stale = () => Date.now() - entry.updatedAt > staleTime;
    if (stale()) void load(entry);
    const visible = () => document.visibilityState !== 'hidden';
    const onReturn = () => {
      if (visible() && stale()) void load(entry);
    };
    document.addEventListener('visibilitychange', onReturn);
    window.addEventListener('online', onReturn);
    const timer = refetchInterval
      ? window.setInterval(() => {
          if (visible()) void load(entry);
        }, refetchInterval)
      : undefined;
    return () => {
      document.removeEventListener('visibilitychange', onReturn);
      window.removeEventListener('online', onReturn);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [entry, staleTime, refetchInterval]);
  return state;
}

/** Test only: forgets every cached answer. */
export function resetRemoteDataForTests(): void {
  entries.clear();
}
