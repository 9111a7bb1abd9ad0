/**
 * Journey: a shared tablet. The location is remembered per tablet; a half-filled form left for two minutes
 * warns, then clears; switching hostess is a PIN away and the next hostess sees only her own submissions.
 */
import { DEMO, expect, gotoHydrated, signInAs, test, uniqueFirstName, uniquePhone } from './fixtures';
import { captureResult, clearFaults, fillRequired, openCaptureSections, uniqueEmail } from './capture-support';

test('idle half-filled form: warning after two minutes, cleared 30 s later; "Keep editing" keeps it', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await page.clock.install();
  await gotoHydrated(page, '/capture');
  await page.getByLabel('First name', { exact: true }).fill('Gabriel');
  await page.getByLabel('Phone', { exact: true }).fill(uniquePhone());

  await page.clock.runFor(60_000);
  await expect(page.getByTestId('idle-warning')).toHaveCount(0);
  await page.clock.runFor(62_000);
  const warning = page.getByRole('alertdialog', { name: 'Still with the customer?' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Keep editing' }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Gabriel');

  await page.clock.runFor(122_000);
  await expect(warning).toBeVisible();
  await page.clock.runFor(31_000);
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('');
  await expect(captureResult(page)).toContainText('The form was cleared after two minutes without activity');
  await expect(warning).toHaveCount(0);
});

test('an empty form never warns', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await page.clock.install();
  await gotoHydrated(page, '/capture');
  await page.clock.runFor(200_000);
  await expect(page.getByTestId('idle-warning')).toHaveCount(0);
});

test('the location is remembered per tablet; the next hostess is a PIN away and sees only her own submissions', async ({ page, request, browser }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await openCaptureSections(page, ['Store and offer']);
  await page.getByLabel('Location', { exact: true }).selectOption({ label: 'Storedesk Iasi Palas' });
  const first = uniqueFirstName('Alina');
  await fillRequired(page, { first, last: 'Florea', email: uniqueEmail('tablet') });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  await expect(page.getByTestId('my-submission').filter({ hasText: `${first} F.` })).toHaveCount(1);
  await page.reload();
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  await expect(page.getByLabel('Location', { exact: true }).locator('option:checked')).toHaveText('Storedesk Iasi Palas');

  // Her cookie, as a thief (or the next tablet user) could keep it.
  const ioanasCookies = await page.context().cookies();
  await page.getByRole('button', { name: 'Switch hostess' }).click();
  await page.getByLabel('Next hostess: enter your PIN').fill(DEMO.secondHostessPin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('whoami')).toContainText('Maria Hostess');

  // Ioana's session really ended: her cookie replayed in another browser opens nothing.
  const replay = await browser.newContext();
  try {
    await replay.addCookies(ioanasCookies);
    const replayPage = await replay.newPage();
    await replayPage.goto('/capture');
    await expect(replayPage).toHaveURL(/\/login/);
    await expect(replayPage.getByTestId('whoami')).toHaveCount(0);
  } finally {
    await replay.close();
  }
  await gotoHydrated(page, '/capture');
  await expect(page.getByLabel('Location', { exact: true }).locator('option:checked')).toHaveText('Storedesk Iasi Palas');
  await expect(page.getByTestId('my-submissions')).toBeVisible();
  await expect(page.getByTestId('my-submission').filter({ hasText: `${first} F.` })).toHaveCount(0);
});
