/**
 * Issue 14: the service worker keeps the capture desk's shell and the sign-in page, nothing else. Every desk
 * is visited as each role on one browser (one tablet); then every cache of the origin is listed: only the two
 * pages, the worker's own file lists, and build files those two pages load — no other desk's page or code, no
 * API or server-action answer, no RSC payload, no document.
 */
import type { Page } from '@playwright/test';
import { expect, gotoHydrated, signInAs, test, type DemoRole } from './fixtures';
import { cachedPaths, waitForShell } from './offline-support';

const loadedFiles = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/_next/static/'))
      .map((u) => u.pathname),
  );

test('after every desk as every role, the caches hold only the capture shell and the sign-in page', async ({ page }) => {
  test.setTimeout(240_000);
  const shellFiles = new Set<string>();
  const otherFiles = new Set<string>();
  const visited: string[] = [];

  await gotoHydrated(page, '/login');
  await waitForShell(page, '/login');
  for (const f of await loadedFiles(page)) shellFiles.add(f);

  for (const role of ['hostess', 'manager', 'support', 'admin'] as DemoRole[]) {
    await signInAs(page, role);
    const links = await page.getByTestId('header').locator('nav a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    for (const path of [...new Set(['/', ...links])]) {
      await gotoHydrated(page, path);
      visited.push(`${role} ${path}`);
      if (path === '/capture') {
        await waitForShell(page, '/capture');
        for (const f of await loadedFiles(page)) shellFiles.add(f);
      } else {
        await page.waitForTimeout(500);
        for (const f of await loadedFiles(page)) otherFiles.add(f);
      }
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
  }
  expect(visited.length).toBeGreaterThan(8);

  // The last desk visited as a capturer is kept until sign-out, which removed it: a hostess opens it again.
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await waitForShell(page, '/capture');
  for (const f of await loadedFiles(page)) shellFiles.add(f);

  const cached = await cachedPaths(page);
  const pages = cached.filter((p) => !p.startsWith('/_next/static/'));
  expect(pages.sort()).toEqual(['/__storedesk-shell-index/capture', '/__storedesk-shell-index/login', '/capture', '/login']);
  const files = cached.filter((p) => p.startsWith('/_next/static/'));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) expect(shellFiles.has(f), `${f} is not a file of the capture desk or the sign-in page`).toBe(true);
  // The other desks loaded code of their own, and none of it is kept.
  const othersOnly = [...otherFiles].filter((f) => !shellFiles.has(f));
  expect(othersOnly.length).toBeGreaterThan(0);
  for (const f of othersOnly) expect(cached).not.toContain(f);
  // Neither does anything answer with personal data from the cache.
  for (const p of cached) expect(p).not.toMatch(/_rsc|\/api\/|\/sandbox|documents|\/leads|\/privacy|\/loyalty|\/admin|\/insights/);
});
