/**
 * The page side of the service worker (public/sw.js, issue 14): registers it and, after an online load of one
 * of the two shell pages (/capture, /login), lists to it the build's files this page loaded, so that the page
 * opens again without a network. Nothing is listed after a client-side navigation into the page (the list would
 * hold the files of the page she came from).
 */
const STATIC_PREFIX = '/_next/static/';

export type ShellPage = '/capture' | '/login';

/** The build's static files this document loaded (scripts, styles, fonts), as same-origin paths. */
export function loadedStaticFiles(entries: readonly string[], origin: string): string[] {
  const out = new Set<string>();
  for (const name of entries) {
    try {
      const url = new URL(name, origin);
      if (url.origin === origin && url.pathname.startsWith(STATIC_PREFIX) && !url.search) out.add(url.pathname);
    } catch {
      /* not a URL */
    }
  }
  return [...out];
}

/** True when this document was loaded at `page` itself (not reached by a client-side navigation). */
function loadedAt(page: ShellPage): boolean {
  const nav = performance.getEntriesByType('navigation')[0];
  try {
    return new URL(nav?.name ?? window.location.href).pathname === page;
  } catch {
    return false;
  }
}

/**
 * Registers the worker and hands it the page's files. `before` runs first (the capture desk loads its
 * on-demand parts — dialogs, validation — so that they are there offline too).
 */
export async function keepShellOnDevice(page: ShellPage, before?: () => Promise<unknown>): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !navigator.onLine) return;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    if (!loadedAt(page)) return;
    await before?.();
    const registration = await navigator.serviceWorker.ready;
    const files = loadedStaticFiles(
      [
        ...performance.getEntriesByType('resource').map((e) => e.name),
        ...[...document.querySelectorAll<HTMLScriptElement>('script[src]:not([nomodule])')].map((s) => s.src),
        ...[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"][href]')].map((l) => l.href),
      ],
      window.location.origin,
    );
    registration.active?.postMessage({ type: 'cache-shell', page, assets: files });
  } catch {
    /* no worker (private mode, an old browser): the console works online as before */
  }
}

/** Sign-out and "Switch hostess": the signed-in desk is not kept for the next person (the worker fetches it again). */
export async function forgetDeskOnDevice(): Promise<void> {
  try {
    if (typeof caches === 'undefined') return;
    for (const name of await caches.keys()) {
      if (!name.startsWith('storedesk-')) continue;
      const cache = await caches.open(name);
      await cache.delete('/capture', { ignoreSearch: true, ignoreVary: true });
    }
  } catch {
    /* nothing kept */
  }
}
