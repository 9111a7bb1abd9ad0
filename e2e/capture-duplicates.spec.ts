/** Journey: before saving, people captured in the last 90 days with the same e-mail or phone are shown; she continues or cancels. */
import { expect, gotoHydrated, signInAs, test, uniqueFirstName, uniquePhone } from './fixtures';
import { captureResult, clearFaults, clearRequests, fillRequired, sandboxRequests, uniqueEmail } from './capture-support';

test('a possible duplicate is shown (masked); cancel keeps the form and sends nothing; save anyway sends', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  const email = uniqueEmail('dup');
  // Unique per run: a second pass (or a retry) must not find the first one's Bianca as a duplicate too.
  const first = uniqueFirstName('Bianca');
  const phone = uniquePhone();
  await fillRequired(page, { first, last: 'Nistor', email, phone });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  await clearRequests(request);

  // The same person again, by phone written another way.
  const otherEmail = uniqueEmail('other');
  await fillRequired(page, { first, last: 'Nistor', email: otherEmail, phone: `+40 ${phone.slice(1)}` });
  await page.getByRole('button', { name: 'Save lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'Possible duplicates' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('duplicate')).toHaveCount(1);
  await expect(dialog.getByTestId('duplicate')).toContainText(`${first} N.`);
  await expect(dialog.getByTestId('duplicate')).toContainText(`••• ••• ${phone.slice(-3)}`);
  await expect(dialog.getByTestId('duplicate')).toContainText('Ioana Hostess');
  // Only what she needs to decide: not the other record's e-mail.
  await expect(dialog).not.toContainText(email);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue(first);
  expect((await sandboxRequests(request, 'footprints', '', otherEmail)).filter((r) => r.method === 'POST' && r.path === '/api/lead')).toHaveLength(0);

  await page.getByRole('button', { name: 'Save lead' }).click();
  await page.getByRole('dialog', { name: 'Possible duplicates' }).getByRole('button', { name: 'Save anyway' }).click();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  expect((await sandboxRequests(request, 'footprints', '', otherEmail)).filter((r) => r.method === 'POST' && r.path === '/api/lead')).toHaveLength(1);
});
