// `npm run bench:web` (issue 10, point 6): how much JavaScript each route sends a tablet on a cold load.
// Builds (skip with `-- --no-build`), starts the console in sandbox mode with `next start` on a free port and a
// fresh embedded database, signs in as each role in Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
// through Playwright's library, and loads every route in a fresh browser context with the cache disabled,
// adding up the compressed bytes of every script response (body bytes on the wire, as the DevTools
// protocol reports them) until the network is idle. Prints a table, writes bench-results/web.json (and the
// `web` entry of bench-results/latest.json, like `npm run bench`), and exits non-zero when a route is over
// its budget: the hostess routes (/login, /capture, /loyalty) 160 KiB, every other route 180 KiB.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const KiB = 1024;
const HOSTESS_BUDGET = 160 * KiB;
const OTHER_BUDGET = 180 * KiB;
const HOSTESS_ROUTES = new Set(['/login', '/capture', '/loyalty']);
const NEXT = 'node_modules/next/dist/bin/next';

/** Routes by the role that opens them; `null` is signed out. Dynamic routes are resolved at run time. */
const ROUTES = [
  { role: null, path: '/login' },
  { role: 'hostess', path: '/capture' },
  { role: 'hostess', path: '/loyalty' },
  { role: 'manager', path: '/loyalty/codes' },
  { role: 'manager', path: '/leads' },
  { role: 'manager', path: '/leads/:id' },
  { role: 'manager', path: '/insights' },
  { role: 'support', path: '/privacy' },
  { role: 'support', path: '/privacy/:caseId' },
  { role: 'support', path: '/privacy/:caseId/report' },
  { role: 'admin', path: '/admin/staff' },
  { role: 'admin', path: '/admin/audit' },
  { role: 'admin', path: '/admin/queue' },
  { role: 'admin', path: '/admin/security' },
];
const LOGINS = {
  hostess: { pin: '1234' },
  manager: { username: 'manager', password: 'manager-demo' },
  support: { username: 'support', password: 'support-demo' },
  admin: { username: 'admin', password: 'admin-demo' },
};

const args = new Set(process.argv.slice(2));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (!args.has('--no-build')) {
  console.log('bench:web: building…');
  const build = spawnSync(process.execPath, [NEXT, 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = await new Promise((resolve) => {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const origin = `http://127.0.0.1:${port}`;
const dataDir = `.data/bench-web-${port}`;
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const server = spawn(process.execPath, [NEXT, 'start', '-p', String(port), '-H', '127.0.0.1'], {
  env: { ...env, SANDBOX: '1', DATA_DIR: dataDir, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let serverOutput = '';
server.stdout.on('data', (c) => (serverOutput += String(c)));
server.stderr.on('data', (c) => (serverOutput += String(c)));
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);

async function waitForServer() {
  const until = Date.now() + 180_000;
  for (;;) {
    if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) return;
    if (Date.now() > until || server.exitCode !== null) throw new Error(`the console did not start:\n${serverOutput}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

async function signIn(role) {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
  const login = LOGINS[role];
  if (login.pin) {
    await page.locator('#pin').fill(login.pin);
  } else {
    await page.getByRole('tab', { name: 'Staff sign-in' }).click();
    await page.getByLabel('Username').fill(login.username);
    await page.getByLabel('Password').fill(login.password);
  }
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('whoami').waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Loads one route cold and adds up the compressed script bytes the browser received. */
async function measure(url, storageState) {
  const context = await browser.newContext({ baseURL: origin, storageState });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Map();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, { url: e.response.url, headerBytes: e.response.encodedDataLength ?? 0, bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.bytes = Math.max(0, e.encodedDataLength - s.headerBytes);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const finalPath = new URL(page.url()).pathname;
  await context.close();
  const list = [...scripts.values()];
  return { status: response?.status() ?? 0, finalPath, bytes: list.reduce((n, s) => n + s.bytes, 0), files: list.length, scripts: list };
}

/** A lead id and a privacy case id for the dynamic routes (the case is opened for the bench). */
async function dynamicIds(states) {
  const ids = {};
  const manager = await browser.newContext({ baseURL: origin, storageState: states.manager });
  const mp = await manager.newPage();
  await mp.goto('/leads?view=table');
  const href = await mp.locator('a[href^="/leads/"]').first().getAttribute('href', { timeout: 30_000 }).catch(() => null);
  ids.id = href ? href.split('/')[2].split('?')[0] : null;
  await manager.close();
  const support = await browser.newContext({ baseURL: origin, storageState: states.support });
  const sp = await support.newPage();
  await sp.goto('/privacy');
  await sp.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
  await sp.getByLabel("Data subject's e-mail").fill('ana.popescu@example.com');
  await sp.getByLabel("Data subject's mobile").fill('0722000001');
  await sp.getByRole('button', { name: 'Open case' }).click();
  await sp.waitForURL(/\/privacy\/[0-9a-f-]{36}$/);
  ids.caseId = new URL(sp.url()).pathname.split('/')[2];
  await support.close();
  return ids;
}

const rows = [];
try {
  await waitForServer();
  const states = {};
  for (const role of Object.keys(LOGINS)) states[role] = await signIn(role);
  const ids = await dynamicIds(states);
  for (const route of ROUTES) {
    const url = route.path.replace(/:(\w+)/g, (_, name) => ids[name] ?? `missing-${name}`);
    const result = await measure(url, route.role ? states[route.role] : undefined);
    const budget = HOSTESS_ROUTES.has(route.path) ? HOSTESS_BUDGET : OTHER_BUDGET;
    if (result.finalPath !== url.split('?')[0]) throw new Error(`${url} as ${route.role ?? 'signed out'} ended on ${result.finalPath}`);
    rows.push({ route: route.path, role: route.role ?? 'signed out', bytes: result.bytes, files: result.files, budget, meets: result.bytes <= budget, scripts: result.scripts.map((s) => ({ url: s.url.replace(origin, ''), bytes: s.bytes })) });
  }
} finally {
  await browser.close();
  stopServer();
}

const kib = (n) => (n / KiB).toFixed(1);
console.log('\n== web: first-load JavaScript, compressed bytes on the wire (cold load, cache disabled) ==');
console.log(`  ${'route'.padEnd(26)} ${'role'.padEnd(11)} ${'KiB'.padStart(7)} ${'files'.padStart(5)}  budget`);
for (const r of rows) {
  console.log(`  ${r.route.padEnd(26)} ${r.role.padEnd(11)} ${kib(r.bytes).padStart(7)} ${String(r.files).padStart(5)}  ≤ ${kib(r.budget)} ${r.meets ? '[meets]' : '[OVER BUDGET]'}`);
}

const outDir = path.resolve('bench-results');
mkdirSync(outDir, { recursive: true });
const entry = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  rows: rows.map((r) => ({
    metric: `first-load JS ${r.route} (${r.role})`,
    value: Math.round((r.bytes / KiB) * 10) / 10,
    unit: 'KiB',
    target: `≤ ${r.budget / KiB} KiB`,
    meets: r.meets,
    note: `${r.files} scripts`,
  })),
  routes: rows,
};
writeFileSync(path.join(outDir, 'web.json'), JSON.stringify(entry, null, 2));
let latest = {};
try {
  latest = JSON.parse(readFileSync(path.join(outDir, 'latest.json'), 'utf8'));
} catch {
  /* first suite */
}
latest.web = { at: entry.at, machine: entry.machine, rows: entry.rows };
writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(latest, null, 2));
console.log(`\nwritten: bench-results/web.json`);

const over = rows.filter((r) => !r.meets);
if (over.length) {
  console.error(`\n${over.length} route(s) over budget: ${over.map((r) => r.route).join(', ')}`);
  process.exit(1);
}
process.exit(0);
