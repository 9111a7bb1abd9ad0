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

export async function resetSandbox(page: Page): Promise<void> {
  const res = await page.request.post('/sandbox/_control/reset');
  expect(res.ok()).toBeTruthy();
}

export const test = base;
export { expect };
