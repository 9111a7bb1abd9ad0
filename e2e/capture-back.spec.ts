/**
 * Journey (issue 19.14): the browser's Back button on a half-filled capture form asks first, like reload,
 * close and the console's links: "Cancel" stays with everything typed, "OK" goes back. An empty form or a
 * saved one goes back without a question.
 */
import { expect, gotoHydrated, signInAs, test, uniquePhone } from './fixtures';
import { captureResult, clearFaults, fillRequired, uniqueEmail } from './capture-support';

test.beforeEach(async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/loyalty');
  await page.getByRole('link', { name: 'Capture lead' }).click();
  await expect(page).toHaveURL(/\/capture$/);
  await expect(page.getByLabel('First name', { exact: true })).toBeVisible();
});

test('Back on a half-filled form asks; Cancel keeps the form, OK goes back', async ({ page }) => {
  const questions: string[] = [];
  page.on('dialog', (d) => {
    questions.push(d.message());
    void (questions.length === 1 ? d.dismiss() : d.accept());
  });
  await page.getByLabel('First name', { exact: true }).fill('Ioana');
  const phone = uniquePhone();
  await page.getByLabel('Phone', { exact: true }).fill(phone);

  await page.goBack();
  await expect.poll(() => questions).toEqual(['Leave this form? What you typed for this customer will be lost.']);
  await expect(page).toHaveURL(/\/capture$/);
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Ioana');
  await expect(page.getByLabel('Phone', { exact: true })).toHaveValue(phone);

  // Asked again on the next Back; this time she leaves.
  await page.goBack();
  await expect.poll(() => questions.length).toBe(2);
  await expect(page).toHaveURL(/\/loyalty$/);
  expect(questions).toHaveLength(2);
});

test('Back from an empty or a saved form goes back without a question', async ({ page }) => {
  const questions: string[] = [];
  page.on('dialog', (d) => {
    questions.push(d.message());
    void d.dismiss();
  });
  await fillRequired(page, { first: 'Ana', last: 'Back', email: uniqueEmail('back') });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  await page.goBack();
  await expect(page).toHaveURL(/\/loyalty$/);
  expect(questions).toEqual([]);
});
