/**
 * Issue 14: what a person expects of an installable app, checked as Chromium itself judges it (the DevTools
 * protocol's installability errors, what Lighthouse's installable audit reads): a valid manifest with its
 * icons, a service worker, and the start URL answering offline.
 */
import { expect, gotoHydrated, signInAs, test } from './fixtures';
import { goOffline, goOnline, waitForShell } from './offline-support';

test('installable: Chromium reports no installability error; the manifest icons load; the start URL opens offline', async ({ page, context }) => {
  await gotoHydrated(page, '/login');
  await waitForShell(page, '/login');
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  // "in-incognito" is the test browser's own state (Playwright's contexts are off the record), not the app's.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as { start_url: string; display: string; icons: { src: string; sizes: string }[] };
  expect(manifest.display).toBe('standalone');
  for (const icon of manifest.icons) expect((await page.request.get(icon.src)).ok()).toBe(true);

  // Signed out, the start URL offline opens the sign-in page the tablet keeps.
  await goOffline(context);
  const offlineStart = await page.goto(manifest.start_url);
  expect(offlineStart?.status()).toBe(200);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await goOnline(context);

  // Signed in, it opens the capture desk.
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await waitForShell(page, '/capture');
  await goOffline(context);
  await page.goto(manifest.start_url);
  await expect(page.getByRole('heading', { name: 'Capture a lead' })).toBeVisible();
  await goOnline(context);
});
