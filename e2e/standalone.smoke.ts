/**
 * Issue 17, smoke journey of the deployment build (playwright.standalone.config.ts runs it against
 * `node .next/standalone/server.js`): the page's scripts and styles load from the copied static assets (the
 * page hydrates), public/ is served, the health check answers; a hostess signs in and captures a lead in
 * sandbox mode, and sees it sent to Footprints.
 */
import { expect, gotoHydrated, signInAs, test, uniqueFirstName, uniquePhone } from './fixtures';
import { captureResult, fillRequired, uniqueEmail } from './capture-support';

test('the standalone server serves assets and health, signs a hostess in, and a capture is sent', async ({ page, request }) => {
  expect((await request.get('/api/health')).status()).toBe(200);
  // public/ (copied in by start:standalone) and an icon the manifest names.
  expect((await request.get('/icon-192.png')).status()).toBe(200);
  await gotoHydrated(page, '/login');
  const css = page.locator('link[rel="stylesheet"]').first();
  expect((await request.get((await css.getAttribute('href'))!)).status()).toBe(200);

  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await fillRequired(page, { first: uniqueFirstName('Smoke'), last: 'Standalone', email: uniqueEmail('standalone'), phone: uniquePhone() });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText(/Sent — Footprints lead [0-9a-f]{24}/);
});
