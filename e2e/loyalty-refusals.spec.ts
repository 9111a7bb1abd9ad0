/**
 * Hostess journey: the codes that must not be redeemed. Blocked and expired codes offer no redeem button,
 * and a redeem call for a code blocked meanwhile is refused; an unknown customer gets the not-found
 * message; blocking needs a reason (and a note for "other").
 */
import { expect, gotoHydrated, resetSandbox, signInAs, test } from './fixtures';
import { CAMPAIGNS, PEOPLE, checkCode, pickCampaign, sandboxCodeStatus, sandboxRequests } from './loyalty-helpers';

test.beforeEach(async ({ page }) => {
  // A sandbox reset forgets the tokens Footprints issued: reset, then sign in.
  await resetSandbox(page);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/loyalty');
});

test('a blocked code and an expired code offer no redeem button, each with its own message', async ({ page }) => {
  await pickCampaign(page, CAMPAIGNS.spring);
  await checkCode(page, PEOPLE.elena);
  await expect(page.getByTestId('code-value')).toHaveText('SPRELE01');
  await expect(page.getByTestId('code-status')).toHaveText('Blocked');
  await expect(page.getByTestId('code-notice')).toHaveText(/^This code is blocked .*and cannot be used\.$/);
  await expect(page.getByTestId('code-card').getByRole('button')).toHaveCount(0);

  await pickCampaign(page, CAMPAIGNS.flash);
  await checkCode(page, PEOPLE.ana);
  await expect(page.getByTestId('code-value')).toHaveText('FLSANA01');
  await expect(page.getByTestId('code-card')).toContainText('(expired)');
  // The label follows the real state: an expired code is never "Ready to redeem".
  await expect(page.getByTestId('code-status')).toHaveText('Expired');
  await expect(page.getByTestId('code-notice')).toHaveText('This code has expired and can no longer be redeemed.');
  await expect(page.getByTestId('code-card').getByRole('button')).toHaveCount(0);

  await pickCampaign(page, CAMPAIGNS.spring);
  await checkCode(page, PEOPLE.mihai);
  await expect(page.getByTestId('code-status')).toHaveText('Redeemed');
  await expect(page.getByTestId('code-notice')).toHaveText(/^This code was already used: it was redeemed on /);
  await expect(page.getByTestId('code-card').getByRole('button')).toHaveCount(0);
});

test('a recently ended campaign can be picked to check a code, marked ended; the code cannot be redeemed', async ({ page, request }) => {
  const autumn = page.getByTestId(`campaign-${CAMPAIGNS.autumn}`);
  await expect(autumn).toContainText('Autumn Vouchers');
  await expect(autumn).toContainText('Ended');
  await expect(autumn).toContainText('check codes only, no redeeming');
  // Long past campaigns are not offered.
  await expect(page.getByTestId(`campaign-${CAMPAIGNS.winter}`)).toHaveCount(0);
  await pickCampaign(page, CAMPAIGNS.autumn);
  await checkCode(page, PEOPLE.mihai);
  await expect(page.getByTestId('code-value')).toHaveText('AUTMIH01');
  await expect(page.getByTestId('code-status')).toHaveText('Campaign ended');
  await expect(page.getByTestId('code-notice')).toHaveText(/^This campaign ended on .+: its codes can no longer be redeemed\.$/);
  await expect(page.getByTestId('code-card').getByRole('button')).toHaveCount(0);
  expect(await sandboxCodeStatus(request, PEOPLE.mihai, CAMPAIGNS.autumn)).toBe('associated');
});

test('a redeem call for a code blocked meanwhile is refused and changes nothing', async ({ page, browser }) => {
  const other = await browser.newContext();
  const desk2 = await other.newPage();
  try {
    await signInAs(desk2, 'manager');
    // This tablet opens the redeem confirmation; meanwhile the manager blocks the code.
    await pickCampaign(page, CAMPAIGNS.spring);
    await checkCode(page, PEOPLE.radu);
    await expect(page.getByTestId('code-value')).toHaveText('SPRRAD01');
    await page.getByTestId('code-card').getByRole('button', { name: 'Redeem' }).click();

    await gotoHydrated(desk2, '/loyalty');
    await pickCampaign(desk2, CAMPAIGNS.spring);
    await checkCode(desk2, PEOPLE.radu);
    await desk2.getByTestId('code-card').getByRole('button', { name: 'Block…' }).click();
    const block = desk2.getByRole('dialog', { name: 'Block this code?' });
    await block.getByLabel('Suspected abuse').check();
    await block.getByRole('button', { name: 'Block SPRRAD01' }).click();
    await expect(desk2.getByTestId('code-status')).toHaveText('Blocked');

    await page.getByRole('dialog').getByRole('button', { name: 'Redeem SPRRAD01' }).click();
    await expect(page.getByTestId('loyalty-notice')).toHaveText(/^This code is blocked .*Nothing was changed\.$/);
    expect(await sandboxCodeStatus(page.request, PEOPLE.radu, CAMPAIGNS.spring)).toBe('blocked');
    expect((await sandboxRequests(page.request, 'footprints')).filter((r) => r.path === '/api/loyaltyCode/change')).toHaveLength(1);
  } finally {
    await other.close();
  }
});

test('an unknown customer gets the not-found message', async ({ page }) => {
  await pickCampaign(page, CAMPAIGNS.spring);
  await checkCode(page, { email: 'someone.else@example.com', phone: '0733 123 456' });
  await expect(page.getByTestId('loyalty-notice')).toHaveText(
    'No code was found for this customer in this campaign. Check the e-mail and phone with the customer, or choose another campaign.',
  );
  await expect(page.getByTestId('code-card')).toHaveCount(0);
});

test('the form says what is missing before asking Footprints', async ({ page }) => {
  await pickCampaign(page, CAMPAIGNS.spring);
  await checkCode(page, { email: 'not-an-email', phone: 'abc' });
  await expect(page.getByText('Enter a valid e-mail address')).toBeVisible();
  await expect(page.getByText('Enter a phone number (digits, may start with +)')).toBeVisible();
  expect((await sandboxRequests(page.request, 'footprints')).filter((r) => r.path === '/api/loyaltyCode/check')).toHaveLength(0);
});

test('block requires a reason, and a note for “other”', async ({ page }) => {
  await pickCampaign(page, CAMPAIGNS.spring);
  await checkCode(page, PEOPLE.ioana);
  await expect(page.getByTestId('code-value')).toHaveText('SPRIOA01');
  await page.getByTestId('code-card').getByRole('button', { name: 'Block…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Block this code?' });
  await expect(dialog.getByTestId('confirm-code')).toHaveText('SPRIOA01');

  await dialog.getByRole('button', { name: 'Block SPRIOA01' }).click();
  await expect(dialog.getByText('Choose why the code is blocked')).toBeVisible();
  await dialog.getByLabel('Other (write a note)').check();
  await dialog.getByRole('button', { name: 'Block SPRIOA01' }).click();
  await expect(dialog.getByText('Write a short note for “Other”')).toBeVisible();
  expect(await sandboxCodeStatus(page.request, PEOPLE.ioana, CAMPAIGNS.spring)).toBe('associated');

  await dialog.getByLabel('Note (required)').fill('Voucher returned at the till');
  await dialog.getByRole('button', { name: 'Block SPRIOA01' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('code-status')).toHaveText('Blocked');
  expect(await sandboxCodeStatus(page.request, PEOPLE.ioana, CAMPAIGNS.spring)).toBe('blocked');
});
