/**
 * Issue 11, points 1 and 8, against a console of its own (production build, sandbox mode, the default
 * TRUSTED_PROXY_HOPS=0) whose clock the spec moves (e2e/server-clock.mjs): idle limits and the sign-in
 * guard's lockout are enforced on the server's clock, so 15 idle minutes or the 16-minute ladder to a
 * lockout pass in seconds. Its own server also keeps its lockouts away from the shared one.
 *  - a client talking to the console directly cannot present a new address per guess (X-Forwarded-For and
 *    our own peer header are ignored: the socket peer is the address);
 *  - the hostess (15 min) and desk staff (30 min) idle limits end sessions;
 *  - the 10th failure locks the client out: the page says how long, the 11th attempt is refused even with
 *    the right PIN, the lockout is in the audit trail, and an admin lifts it on /admin/security.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { request as playwrightRequest, type Browser, type Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';
import { footprintsTokenFailures, postPin } from './security-support';

const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA_DIR = `.data/e2e-clock-${PORT}`;
const CLOCK_FILE = path.resolve(DATA_DIR, 'clock-offset');
const SETTINGS = /^(SANDBOX|FOOTPRINTS_|NETCORE_|LOYALTY_|AUTH_SECRET|NEXTAUTH_URL|DATABASE_URL|ALLOW_INSECURE_HTTP|TRUSTED_PROXY_HOPS|HOSTESS_IDLE|STAFF_IDLE)/;

let server: ChildProcess | undefined;
let output = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(CLOCK_FILE, '0');
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (SETTINGS.test(k)) delete env[k];
  Object.assign(env, {
    SANDBOX: '1',
    DATA_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: `--import ${pathToFileURL(path.resolve('e2e/server-clock.mjs')).href}`,
    STOREDESK_E2E_CLOCK_FILE: CLOCK_FILE,
  });
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], { env, detached: true });
  server.stdout!.on('data', (c) => (output += String(c)));
  server.stderr!.on('data', (c) => (output += String(c)));
  const until = Date.now() + 150_000;
  for (;;) {
    const ok = await fetch(`${ORIGIN}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > until || server.exitCode !== null) throw new Error(`the console did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
});

/** Moves the console's clock forward. */
async function advance(ms: number): Promise<void> {
  writeFileSync(CLOCK_FILE, String(Number(readFileSync(CLOCK_FILE, 'utf8')) + ms));
  await new Promise((r) => setTimeout(r, 300));
}

async function pageOn(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: ORIGIN });
  return context.newPage();
}

async function hydrated(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
}

async function signIn(page: Page, who: 'hostess' | 'manager' | 'admin'): Promise<void> {
  await hydrated(page, '/login');
  if (who === 'hostess') {
    await page.locator('#pin').fill(DEMO.hostessPin);
  } else {
    await page.getByRole('tab', { name: 'Staff sign-in' }).click();
    await page.getByLabel('Username').fill(DEMO.logins[who].username);
    await page.getByLabel('Password').fill(DEMO.logins[who].password);
  }
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('whoami')).toBeVisible();
}

test('a client talking to the console directly cannot present a new address for every PIN guess', async () => {
  const since = new Date(Date.now() + Number(readFileSync(CLOCK_FILE, 'utf8'))).toISOString();
  const answers: (string | null)[] = [];
  for (let i = 0; i < 8; i++) {
    // A new client each time (no device cookie), claiming a new address in every header it can send.
    const spoofed = { 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': `198.51.100.${i}`, 'x-storedesk-peer': `203.0.113.${i}` };
    const client = await playwrightRequest.newContext({ baseURL: ORIGIN, extraHTTPHeaders: spoofed });
    answers.push(await postPin(client, String(4000 + i), spoofed));
    await client.dispose();
  }
  // Three free failures and a fourth that starts the delay; from then on every guess is refused before Footprints.
  expect(answers.slice(0, 4).every((a) => a !== null && !a.startsWith('THROTTLED'))).toBe(true);
  for (const a of answers.slice(4)) expect(a).toMatch(/^THROTTLED:\d+$/);
  const control = await playwrightRequest.newContext({ baseURL: ORIGIN });
  expect(await footprintsTokenFailures(control, since)).toBeLessThanOrEqual(4);
  await control.dispose();
  // Two hours later the failures are forgotten (the next tests start clean).
  await advance(2 * 3_600_000);
});

test('a hostess session ends after 15 idle minutes, a desk staff session after 30', async ({ browser }) => {
  const hostess = await pageOn(browser);
  await signIn(hostess, 'hostess');
  const manager = await pageOn(browser);
  await signIn(manager, 'manager');

  await advance(16 * 60_000);
  // The hostess's next request finds her session ended for idleness…
  await hostess.goto('/capture');
  await expect(hostess).toHaveURL(/\/login\?.*ended=idle/);
  await expect(hostess.getByText('You were signed out because the tablet was left idle')).toBeVisible();
  // …while 16 minutes are well within a manager's 30.
  await manager.goto('/leads');
  await expect(manager.getByTestId('whoami')).toBeVisible();
  expect(new URL(manager.url()).pathname).toBe('/leads');

  await advance(31 * 60_000);
  await manager.goto('/leads');
  await expect(manager).toHaveURL(/\/login\?.*ended=idle/);
  await Promise.all([hostess.context().close(), manager.context().close()]);
});

test('the hostess screen signs itself out after 15 idle minutes', async ({ browser }) => {
  const page = await pageOn(browser);
  await page.clock.install();
  await signIn(page, 'hostess');
  // The screen's idle timer starts once the page is hydrated: moving the clock before that moves nothing.
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  await page.clock.fastForward('16:00');
  await expect(page).toHaveURL(/\/login\?.*ended=idle/);
  await page.context().close();
});

test('ten failures lock the client out: the wait is shown, the right PIN is refused, the lockout is audited, an admin lifts it', async ({ browser }) => {
  test.setTimeout(120_000);
  const since = new Date(Date.now() + Number(readFileSync(CLOCK_FILE, 'utf8'))).toISOString();
  const admin = await pageOn(browser);
  await signIn(admin, 'admin');

  const page = await pageOn(browser);
  await hydrated(page, '/login');
  const message = async (pin: string) => {
    await page.locator('#pin').fill(pin);
    await Promise.all([page.waitForResponse((r) => r.url().includes('/api/auth/callback/pin')), page.getByRole('button', { name: 'Sign in' }).click()]);
    await expect(page.getByTestId('login-error')).toBeVisible();
    return (await page.getByTestId('login-error').textContent()) ?? '';
  };
  // Wrong PINs; each time the guard says "wait", the clock is moved past the wait.
  let failures = 0;
  for (let attempt = 0; failures < 10 && attempt < 30; attempt++) {
    const text = await message(String(7000 + attempt));
    const wait = text.match(/Wait (\d+) (second|minute)/);
    if (wait) await advance((Number(wait[1]) * (wait[2] === 'minute' ? 60 : 1) + 1) * 1000);
    else failures++;
  }
  expect(failures).toBe(10);
  // The 11th attempt, with the right PIN: refused, and the page says how long the lockout lasts.
  const refused = await message(DEMO.hostessPin);
  expect(refused).toMatch(/Too many wrong attempts from this device\. Wait 15 minutes, then try again/);
  await expect(page.getByTestId('whoami')).toHaveCount(0);
  // Footprints saw the ten wrong PINs and nothing else.
  expect(await footprintsTokenFailures(admin.request, since)).toBeLessThanOrEqual(10);

  // The lockout is in the audit trail; the admin lifts the address and the device.
  await hydrated(admin, '/admin/audit?action=auth.lockout');
  await expect(admin.getByTestId('audit-table')).toContainText('ip:127.0.0.1');
  await hydrated(admin, '/admin/security');
  for (const label of ['Address 127.0.0.1', 'Device']) {
    const row = admin.getByTestId('lockout-row').filter({ hasText: label });
    await expect(row).toHaveCount(1);
    await row.getByRole('button').click();
    await expect(admin.getByTestId('lockout-row').filter({ hasText: label })).toHaveCount(0);
  }
  await hydrated(admin, '/admin/audit?action=admin.liftLockout');
  await expect(admin.getByTestId('audit-table')).toContainText('ip:127.0.0.1');

  // Lifted: the hostess signs in at once.
  await page.locator('#pin').fill(DEMO.hostessPin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('whoami')).toBeVisible();
  await Promise.all([admin.context().close(), page.context().close()]);
});
