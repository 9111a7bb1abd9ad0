import { test as base, expect, type Page } from '@playwright/test';

export type DemoRole = 'hostess' | 'manager' | 'support' | 'admin';

/** The demo staff of the sandbox (README lists them). */
export const DEMO = {
  hostessPin: '1234',
  secondHostessPin: '5678',
  logins: {
    manager: { username: 'manager', password: 'manager-demo' },
    support: { username: 'support', password: 'support-demo' },
    admin: { username: 'admin', password: 'admin-demo' },
    newcomer: { username: 'newcomer', password: 'newcomer-demo' },
  },
} as const;

/** The hostess idle limit of the e2e server (playwright.config.ts sets HOSTESS_IDLE_MINUTES from the same variable). */
export const HOSTESS_IDLE_MINUTES = Number(process.env.E2E_HOSTESS_IDLE_MINUTES ?? 240);

/** Saved sign-ins live beside the run's output (per port: parallel runs keep their own). */
export const storageStateFor = (role: DemoRole) => `test-results/auth-${process.env.E2E_PORT ?? 3100}/${role}.json`;

/** Navigates and waits until React has hydrated (the Providers effect sets data-hydrated). */
export async function gotoHydrated(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
}

export async function signInWithPin(page: Page, pin: string): Promise<void> {
  await gotoHydrated(page, '/login');
  for (const digit of pin) await page.getByRole('group', { name: 'PIN keypad' }).getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInWithPassword(page: Page, username: string, password: string): Promise<void> {
  await gotoHydrated(page, '/login');
  await page.getByRole('tab', { name: 'Staff sign-in' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  if (role === 'hostess') await signInWithPin(page, DEMO.hostessPin);
  else await signInWithPassword(page, DEMO.logins[role].username, DEMO.logins[role].password);
  await expect(page.getByTestId('whoami')).toBeVisible();
}

/**
 * A tag unique to this run and call: journeys put it in the data they create (names, phones, comments), so a
 * second pass on the same server, or a CI retry, never meets data of an earlier one.
 */
export function runTag(): string {
  // Letters only: it goes into person names, which the capture form checks.
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let n = Date.now() * 1000 + Math.floor(Math.random() * 1000) + ++tagSeq;
  let out = '';
  for (let i = 0; i < 7; i++) {
    out += letters[n % 26];
    n = Math.floor(n / 26);
  }
  return out;
}
let tagSeq = 0;

/** A first name unique to this run, e.g. "Vlad" → "Vladqkzmaba" (shown as "Vladqkzmaba E."). */
export const uniqueFirstName = (first: string) => `${first}${runTag()}`;

/** A Romanian mobile number unique to this run, in the form hostesses type it: "07xx xxx xxx". */
export function uniquePhone(): string {
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return `07${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}`;
}

/** A free TCP port for a spec that starts its own server (never a fixed one: parallel runs on one machine). */
export { freePort } from '../lib/testing/console-http';

/**
 * How long a spec waits for a cold `next start` it launched: sized for a loaded 2-core CI machine, where a
 * start takes 20–60 s (E2E_COLD_START_MS to change).
 */
export const COLD_START_MS = Number(process.env.E2E_COLD_START_MS ?? 180_000);

/** Polls `url` until it answers 2xx, the child exits, or COLD_START_MS runs out. */
export async function waitUntilUp(url: string, child: { exitCode: number | null }): Promise<void> {
  const deadline = Date.now() + COLD_START_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${COLD_START_MS} ms`);
}

export async function resetSandbox(page: Page): Promise<void> {
  const res = await page.request.post('/sandbox/_control/reset');
  expect(res.ok()).toBeTruthy();
}

export const test = base;
export { expect };
