/**
 * Helpers of the offline journeys (issue 14): the service worker's shell on the device, the tablet's queue,
 * and the network switched off for the page and the worker alike.
 */
import type { BrowserContext, Page, Route } from '@playwright/test';
import { expect } from './fixtures';

/** Waits until the worker controls the page and holds the page's shell (its HTML and the files it listed). */
export async function waitForShell(page: Page, path: '/capture' | '/login'): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (p) => {
          if (!navigator.serviceWorker?.controller) return false;
          const index = await caches.match(`/__storedesk-shell-index${p}`);
          return Boolean((await caches.match(p)) && index && ((await index.json()) as string[]).length > 0);
        }, path),
      { timeout: 30_000, intervals: [250, 500, 1_000] },
    )
    .toBe(true);
}

/** Every request the worker or the page makes fails as without a network (setOffline alone does not reach the worker). */
const noNetwork = (route: Route) => route.abort('internetdisconnected');

export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**/*', noNetwork);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unroute('**/*', noNetwork);
  await context.setOffline(false);
}

/** Every key of every cache of this origin, as paths. */
export async function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) {
        const url = new URL(req.url);
        out.push(url.pathname + url.search);
      }
    }
    return out.sort();
  });
}

/** The captures waiting in the tablet's IndexedDB queue. */
export async function deviceQueue(page: Page): Promise<{ key: string; state: string; hostess: { name: string } }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('storedesk-capture', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('queue', { keyPath: 'key' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('queue').objectStore('queue').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Changes a queued capture on the tablet (what a retired consent text or a store change makes the server refuse). */
export async function alterQueued(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (p) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('storedesk-capture', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('queue', 'readwrite');
          const store = tx.objectStore('queue');
          const all = store.getAll();
          all.onsuccess = () => {
            for (const item of all.result) store.put({ ...item, values: { ...item.values, ...p } });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    patch,
  );
}
