/*
 * Storedesk's service worker (issue 14): the capture desk opens without a network on the store's tablet.
 * Hand-written, not Serwist: see docs/ARCHITECTURE.md, "Offline capture". Plain JavaScript served from public/
 * as it is (no build step), so what it caches can be read here in full:
 *
 * - two pages, and only as each one's latest online answer: /capture (the signed-in hostess's desk) and
 *   /login (the sign-in page). Network first; the cached copy only when the network fails. A /capture that
 *   answers with a redirect (signed out, session ended) removes the cached desk.
 * - the scripts, styles and fonts (/_next/static/…) those two pages load, as the page lists them to the worker
 *   ({type: 'cache-shell'} message, components/capture/offline-shell.ts) — never on its own for any request,
 *   so no other desk's code, no server action or API answer, no document, no RSC payload is ever stored.
 *
 * - the start URL "/" offline answers with the kept desk (or the sign-in page); online it goes to the network.
 *
 * Everything else goes to the network untouched (the worker does not answer it).
 */
const CACHE = 'storedesk-shell-v1';
const SHELL_PAGES = ['/capture', '/login'];
const INDEX_PREFIX = '/__storedesk-shell-index';
const STATIC_PREFIX = '/_next/static/';

self.addEventListener('install', (event) => {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('storedesk-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

function sameOrigin(url) {
  return url.origin === self.location.origin;
}

/** A page response worth keeping: a 200 HTML answer of that very page (not a redirect to another one). */
function keepable(response, pathname) {
  if (!response || !response.ok || response.redirected || response.type !== 'basic') return false;
  if (new URL(response.url).pathname !== pathname) return false;
  return (response.headers.get('content-type') || '').includes('text/html');
}

async function storePage(pathname, response) {
  const cache = await caches.open(CACHE);
  await cache.put(new Request(pathname), response);
}

async function forgetPage(pathname) {
  const cache = await caches.open(CACHE);
  await cache.delete(new Request(pathname), { ignoreSearch: true, ignoreVary: true });
}

async function navigate(event, pathname) {
  try {
    const response = await fetch(event.request);
    if (keepable(response, pathname)) await storePage(pathname, response.clone());
    else if (pathname === '/capture' && (response.redirected || response.status === 401 || response.status === 403)) await forgetPage(pathname);
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(new Request(pathname), { ignoreSearch: true, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/**
 * The installed app's start URL ("/", app/manifest.ts) sends each role to its desk; offline, the tablet opens
 * the desk it keeps (or the sign-in page). "/" itself is never stored.
 */
async function startUrl(event) {
  try {
    return await fetch(event.request);
  } catch (error) {
    const cache = await caches.open(CACHE);
    const cached = (await cache.match(new Request('/capture'), { ignoreVary: true })) || (await cache.match(new Request('/login'), { ignoreVary: true }));
    if (cached) return cached;
    throw error;
  }
}

async function fromShellOrNetwork(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!sameOrigin(url)) return;
  if (request.mode === 'navigate' && SHELL_PAGES.includes(url.pathname)) {
    event.respondWith(navigate(event, url.pathname));
    return;
  }
  if (request.mode === 'navigate' && url.pathname === '/') {
    event.respondWith(startUrl(event));
    return;
  }
  // Hashed, immutable files: a cached one is the same bytes as the network's.
  if (url.pathname.startsWith(STATIC_PREFIX)) event.respondWith(fromShellOrNetwork(request));
});

/** Only the build's own static files of this origin. */
function staticUrl(value) {
  try {
    const url = new URL(value, self.location.origin);
    if (!sameOrigin(url) || !url.pathname.startsWith(STATIC_PREFIX) || url.search) return null;
    return url.pathname;
  } catch {
    return null;
  }
}

/**
 * A shell page lists what it loaded: its HTML is fetched (when the worker has none yet: the first visit was
 * not controlled) and its files are stored; files no shell page lists any more (an older build's) are removed.
 */
async function cacheShell(page, assets) {
  if (!SHELL_PAGES.includes(page)) return;
  const cache = await caches.open(CACHE);
  const files = [...new Set(assets.map(staticUrl).filter(Boolean))];
  if (!(await cache.match(new Request(page), { ignoreVary: true }))) {
    const response = await fetch(page, { credentials: 'same-origin', redirect: 'follow' });
    if (!keepable(response, page)) return;
    await cache.put(new Request(page), response);
  }
  for (const file of files) {
    if (await cache.match(new Request(file))) continue;
    const response = await fetch(file);
    if (response.ok) await cache.put(new Request(file), response);
  }
  await cache.put(new Request(`${INDEX_PREFIX}${page}`), new Response(JSON.stringify(files), { headers: { 'content-type': 'application/json' } }));
  const listed = new Set();
  for (const p of SHELL_PAGES) {
    const index = await cache.match(new Request(`${INDEX_PREFIX}${p}`));
    if (index) for (const f of await index.json()) listed.add(f);
  }
  for (const key of await cache.keys()) {
    const { pathname } = new URL(key.url);
    if (pathname.startsWith(STATIC_PREFIX) && !listed.has(pathname)) await cache.delete(key);
  }
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'cache-shell' && typeof data.page === 'string' && Array.isArray(data.assets)) {
    const done = cacheShell(data.page, data.assets).then(
      () => event.source && event.source.postMessage({ type: 'shell-cached', page: data.page }),
      () => undefined,
    );
    event.waitUntil(done);
  } else if (data.type === 'forget-desk') {
    event.waitUntil(forgetPage('/capture'));
  }
});
