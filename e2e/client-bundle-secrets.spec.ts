/**
 * Builds are made with non-sandbox vendor settings (npm run build:test). This journey runs that build in
 * non-sandbox mode against a standalone simulator, signs in as each role, and scans everything sent to the
 * browser — every file under .next/static, every server-rendered page and its RSC payload — for each
 * configured key, secret and vendor base URL. None may appear.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startSandboxServer, type RunningSandbox } from '../lib/sandbox/node-server';
import { freePort, waitUntilUp } from './fixtures';
import liveSettings from './live-settings.json';

const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
// Free ports picked at start (never fixed ones): parallel runs on one machine do not collide.
let SCAN_PORT = 0;
let ORIGIN = '';

const { _comment, ...builtEnv } = liveSettings;
void _comment;
/** The build was made with the simulator at this port (live-settings.json); at run time it is elsewhere. */
const BUILT_SANDBOX_HOST = new URL(builtEnv.FOOTPRINTS_BASE_URL).host;
// The build-time values are what the bundles could hold; the run-time ones (below) what pages could.
const env = { ...builtEnv };
const SECRET_NAMES = [
  'FOOTPRINTS_API_KEY',
  'FOOTPRINTS_API_SECRET',
  'NETCORE_API_KEY',
  'LOYALTY_CLIENT_ID',
  'LOYALTY_CLIENT_SECRET',
  'AUTH_SECRET',
  'METRICS_TOKEN',
  'FOOTPRINTS_BASE_URL',
  'NETCORE_API_BASE_URL',
  'NETCORE_ACTIVITY_BASE_URL',
  'LOYALTY_BASE_URL',
  'LOYALTY_TOKEN_URL',
] as const;
const needles: { name: string; value: string }[] = SECRET_NAMES.map((name) => ({ name, value: builtEnv[name] }));
// The vendor hosts without scheme or path, too: a URL split across code would still show its host:port.
needles.push({ name: 'FOOTPRINTS_API_KEY', value: Buffer.from(`${builtEnv.FOOTPRINTS_API_KEY}:${builtEnv.FOOTPRINTS_API_SECRET}`).toString('base64') });
needles.push({ name: 'LOYALTY_BASE_URL', value: BUILT_SANDBOX_HOST });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function findLeaks(where: string, text: string): string[] {
  return needles.filter((n) => n.value && text.includes(n.value)).map((n) => `${n.name} in ${where}`);
}

let server: ChildProcess;
let serverOutput = '';
let sandbox: RunningSandbox;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // The simulators on their own port, as a real vendor would be: not mounted in the console.
  sandbox = await startSandboxServer(undefined, 0);
  const runtimeHost = new URL(sandbox.origin).host;
  for (const name of Object.keys(env) as (keyof typeof env)[]) env[name] = env[name].replace(BUILT_SANDBOX_HOST, runtimeHost);
  for (const name of SECRET_NAMES) if (env[name] !== builtEnv[name]) needles.push({ name, value: env[name] });
  needles.push({ name: 'LOYALTY_BASE_URL', value: runtimeHost });
  SCAN_PORT = await freePort();
  ORIGIN = `http://127.0.0.1:${SCAN_PORT}`;
  rmSync(`.data/scan-${SCAN_PORT}`, { recursive: true, force: true });
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(SCAN_PORT), '-H', '127.0.0.1'], {
    // Outside sandbox mode the console wants its public URL; this loopback one is plain http on purpose.
    env: {
      ...process.env,
      ...env,
      NEXTAUTH_URL: ORIGIN,
      ALLOW_INSECURE_HTTP: '1',
      PORT: String(SCAN_PORT),
      DATA_DIR: `.data/scan-${SCAN_PORT}`,
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'pipe',
    detached: true,
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  try {
    await waitUntilUp(`${ORIGIN}/login`, server);
  } catch (error) {
    throw new Error(`the non-sandbox console did not start (${(error as Error).message}): ${serverOutput.slice(-2000)}`);
  }
});

test.afterAll(async () => {
  // next start forks: end the whole process group it leads.
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  await sandbox?.close();
  rmSync(`.data/scan-${SCAN_PORT}`, { recursive: true, force: true });
});

test('no key, secret or vendor URL in any file under .next/static', () => {
  const files = filesUnder(`${DIST_DIR}/static`);
  expect(files.length).toBeGreaterThan(10);
  const leaks = files.flatMap((f) => findLeaks(f, readFileSync(f, 'latin1')));
  expect(leaks).toEqual([]);
});

async function collect(page: Page, url: string, bodies: { where: string; text: string }[]) {
  const res = await page.goto(`${ORIGIN}${url}`);
  expect(res, url).not.toBeNull();
  bodies.push({ where: url, text: await res!.text() });
  // The RSC payload of the same page (what client navigation fetches).
  const rsc = await page.request.get(`${ORIGIN}${url}`, { headers: { RSC: '1' } });
  bodies.push({ where: `${url} (RSC)`, text: await rsc.text() });
}

test('no key, secret or vendor URL in any page sent to a signed-in browser', async ({ browser }) => {
  // Three sign-ins and 16 page loads each on a freshly started server: sized for a loaded CI machine.
  test.setTimeout(240_000);
  const bodies: { where: string; text: string }[] = [];
  const anonymous = await browser.newPage();
  await collect(anonymous, '/login', bodies);
  for (const api of ['/api/health', '/api/auth/session', '/api/auth/providers', '/api/auth/csrf']) {
    const res = await anonymous.request.get(`${ORIGIN}${api}`);
    bodies.push({ where: api, text: await res.text() });
  }
  // No sandbox here: the routes do not exist.
  expect((await anonymous.request.get(`${ORIGIN}/sandbox/_control`)).status()).toBe(404);
  expect((await anonymous.request.get(`${ORIGIN}/sandbox/footprints/api/token`)).status()).toBe(404);

  const logins: [string, string][] = [
    ['manager', 'manager-demo'],
    ['support', 'support-demo'],
    ['admin', 'admin-demo'],
  ];
  for (const [username, password] of logins) {
    const page = await browser.newPage();
    await page.goto(`${ORIGIN}/login`);
    await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
    await page.getByRole('tab', { name: 'Staff sign-in' }).click();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('whoami')).toBeVisible();
    await expect(page.getByTestId('sandbox-banner')).toHaveCount(0);
    for (const url of ['/', '/capture', '/loyalty', '/leads', '/privacy', '/admin/staff', '/admin/audit', '/admin/queue']) {
      await collect(page, url, bodies);
    }
    const session = await page.request.get(`${ORIGIN}/api/auth/session`);
    bodies.push({ where: `/api/auth/session as ${username}`, text: await session.text() });
    const cookies = await page.context().cookies();
    bodies.push({ where: `cookies of ${username}`, text: JSON.stringify(cookies) });
    await page.close();
  }
  expect(bodies.length).toBeGreaterThan(40);
  const leaks = bodies.flatMap((b) => findLeaks(b.where, b.text));
  expect(leaks).toEqual([]);
});
