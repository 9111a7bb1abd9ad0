/**
 * Issue 11, point 5 and issue 19, point 16: every evil `next`/`callbackUrl` lands on the console (on the
 * role's main desk), and each role lands on its own main desk after a plain sign-in.
 */
import { DEMO, expect, gotoHydrated, test } from './fixtures';
import { ORIGIN } from './security-support';

const EVIL = ['/\\evil.example', '//evil.example', '/%5Cevil.example', '/%09/evil.example', 'https://evil.example', '/%2F%2Fevil.example'];

async function signInManager(page: import('@playwright/test').Page, url: string) {
  await gotoHydrated(page, url);
  await page.getByRole('tab', { name: 'Staff sign-in' }).click();
  await page.getByLabel('Username').fill(DEMO.logins.manager.username);
  await page.getByLabel('Password').fill(DEMO.logins.manager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('whoami')).toBeVisible();
}

for (const param of ['next', 'callbackUrl']) {
  for (const evil of EVIL) {
    test(`${param}=${evil} lands on the manager's pipeline`, async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Every value is sent the way a crafted link carries it (already encoded where it shows %).
      const raw = evil.includes('%') ? evil : encodeURIComponent(evil);
      await signInManager(page, `/login?${param}=${raw}`);
      expect(new URL(page.url()).origin).toBe(ORIGIN);
      expect(new URL(page.url()).pathname).toBe('/leads');
      await context.close();
    });
  }
}

test('a genuine next path on the console is kept', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInManager(page, `/login?next=${encodeURIComponent('/loyalty/codes')}`);
  await expect(page).toHaveURL(`${ORIGIN}/loyalty/codes`);
  await context.close();
});

const HOMES = [
  ['hostess', '/capture'],
  ['manager', '/leads'],
  ['support', '/privacy'],
  ['admin', '/admin/audit'],
] as const;

for (const [role, home] of HOMES) {
  test(`${role} lands on ${home} after signing in, and "/" sends them there again`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await gotoHydrated(page, '/login');
    if (role === 'hostess') {
      await page.locator('#pin').fill(DEMO.secondHostessPin);
    } else {
      await page.getByRole('tab', { name: 'Staff sign-in' }).click();
      await page.getByLabel('Username').fill(DEMO.logins[role].username);
      await page.getByLabel('Password').fill(DEMO.logins[role].password);
    }
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${ORIGIN}${home}`);
    await page.goto('/');
    await expect(page).toHaveURL(`${ORIGIN}${home}`);
    await context.close();
  });
}
