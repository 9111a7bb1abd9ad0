/**
 * The tablet's own queue of captures (issue 14): a capture made while the console cannot be reached is kept in
 * the browser's IndexedDB under the idempotency key its form opened with, and sent later, oldest first, through
 * the same action as an online capture (so the server's idempotency, outbox and follow-ups apply unchanged).
 *
 * The logic (`flushDeviceQueue`) works on a `DeviceQueueStore`, so it is tested with the in-memory store;
 * `indexedDbQueueStore` is the browser's. What the tablet keeps and for how long: README, "Offline capture".
 */
import type { CaptureFormValues } from '@/lib/capture/inputs';
import type { Locale } from '@/lib/i18n/locales';

export interface QueuedCapture {
  /** The form's idempotency key (the server's key too). */
  key: string;
  values: CaptureFormValues;
  /** Who captured it: kept in the consent proof even when another hostess's session sends it. */
  hostess: { subject: string; name: string; ticket: string };
  /** When it was put on the tablet (ISO). Sent oldest first. */
  queuedAt: string;
  state: 'waiting' | 'needs-attention';
  /** Why the console refused it (needs-attention only). */
  message?: string;
}

export interface DeviceQueueStore {
  all(): Promise<QueuedCapture[]>;
  put(item: QueuedCapture): Promise<void>;
  remove(key: string): Promise<void>;
}

/** What one attempt to send a queued capture came to. */
export type SendAnswer =
  /** The console holds it (sent, waiting for Footprints, or already received before). */
  | { kind: 'delivered' }
  /** The console refused it: it stays on the tablet for the hostess to fix or discard. */
  | { kind: 'refused'; message: string }
  /** Not reached (network, session ended): stop; it is tried again later. */
  | { kind: 'unreachable' };

export interface FlushReport {
  delivered: number;
  refused: number;
  /** True when an unreachable answer stopped the run. */
  stopped: boolean;
}

export function byAge(items: readonly QueuedCapture[]): QueuedCapture[] {
  return [...items].sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.key < b.key ? -1 : 1));
}

export function countWaiting(items: readonly QueuedCapture[]): { waiting: number; attention: number } {
  let waiting = 0;
  let attention = 0;
  for (const i of items) {
    if (i.state === 'waiting') waiting++;
    else attention++;
  }
  return { waiting, attention };
}

/**
 * Sends the waiting captures oldest first, one at a time. A delivered one is deleted from the tablet at once
 * (the server holds it); a refused one is kept, marked needs-attention; the first unreachable answer stops the
 * run (the rest keep their order for the next one). One run at a time per store object.
 */
const running = new WeakMap<DeviceQueueStore, Promise<FlushReport>>();

export function flushDeviceQueue(store: DeviceQueueStore, send: (item: QueuedCapture) => Promise<SendAnswer>, onChange?: () => void): Promise<FlushReport> {
  const current = running.get(store);
  if (current) return current;
  const run = (async (): Promise<FlushReport> => {
    const report: FlushReport = { delivered: 0, refused: 0, stopped: false };
    for (const item of byAge(await store.all())) {
      if (item.state !== 'waiting') continue;
      let answer: SendAnswer;
      try {
        answer = await send(item);
      } catch {
        answer = { kind: 'unreachable' };
      }
      if (answer.kind === 'unreachable') {
        report.stopped = true;
        break;
      }
      if (answer.kind === 'delivered') {
        await store.remove(item.key);
        report.delivered++;
      } else {
        await store.put({ ...item, state: 'needs-attention', message: answer.message });
        report.refused++;
      }
      onChange?.();
    }
    return report;
  })();
  running.set(store, run);
  void run.finally(() => running.delete(store)).catch(() => undefined);
  return run;
}

export function memoryQueueStore(initial: QueuedCapture[] = []): DeviceQueueStore & { items: Map<string, QueuedCapture> } {
  const items = new Map(initial.map((i) => [i.key, i]));
  return {
    items,
    all: async () => [...items.values()],
    put: async (item) => void items.set(item.key, item),
    remove: async (key) => void items.delete(key),
  };
}

const DB_NAME = 'storedesk-capture';
const STORE = 'queue';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function request<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = op(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error);
        };
      }),
  );
}

/** The browser's store: one IndexedDB object store keyed by the idempotency key. */
export function indexedDbQueueStore(): DeviceQueueStore {
  return {
    all: () => request<QueuedCapture[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedCapture[]>),
    put: (item) => request('readwrite', (s) => s.put(item)).then(() => undefined),
    remove: (key) => request('readwrite', (s) => s.delete(key)).then(() => undefined),
  };
}

/** Pages and the header hear about every change through this window event. */
export const DEVICE_QUEUE_EVENT = 'storedesk:device-queue';

let browserStore: DeviceQueueStore | null = null;
/** The tablet's queue (one store object per tab, so that one send run at a time). */
export function deviceQueue(): DeviceQueueStore {
  browserStore ??= indexedDbQueueStore();
  return browserStore;
}

export function announceQueueChange(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(DEVICE_QUEUE_EVENT));
}

/** How many captures wait on this tablet (0 when IndexedDB cannot be read). */
export async function deviceQueueCounts(): Promise<{ waiting: number; attention: number }> {
  try {
    if (typeof indexedDB === 'undefined') return { waiting: 0, attention: 0 };
    return countWaiting(await deviceQueue().all());
  } catch {
    return { waiting: 0, attention: 0 };
  }
}

/** Asks the browser not to evict the queue under storage pressure (granted or not, the queue works). */
export function askPersistentStorage(): void {
  try {
    void navigator.storage?.persist?.().catch(() => undefined);
  } catch {
    /* not offered */
  }
}

/**
 * A refused capture put back in the form for the hostess to fix: a fresh key (the refused one may be closed on
 * the server), the current consent text of the language it was read in, and — when that text changed since it was captured — the customer's
 * agreements cleared, to be given again to the text read now.
 */
export function putBackValues(values: CaptureFormValues, currentWordings: Record<Locale, string>, newKey: string): CaptureFormValues {
  // Kept before the consent had languages: read in English.
  const language: Locale = values.consentLanguage ?? 'en';
  const currentWording = currentWordings[language];
  const next: CaptureFormValues = { ...values, marketing: { ...values.marketing }, idempotencyKey: newKey, consentLanguage: language, consentWordingVersion: currentWording, createdAt: '' };
  if (values.consentWordingVersion !== currentWording) {
    next.agreeTerms = false;
    next.agreePrivacy = false;
    next.isAdult = false;
    next.agreedTargetedMessages = false;
    for (const c of Object.keys(next.marketing) as (keyof CaptureFormValues['marketing'])[]) next.marketing[c] = false;
  }
  return next;
}

/** Discards every capture on the tablet ("Forget this tablet"); how many there were. */
export async function clearDeviceQueue(store: DeviceQueueStore = deviceQueue()): Promise<number> {
  const all = await store.all();
  for (const item of all) await store.remove(item.key);
  announceQueueChange();
  return all.length;
}
