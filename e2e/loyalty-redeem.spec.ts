/**
 * Hostess journey: a customer says "I have a prize". Check → redeem (confirmed by Footprints) → the points
 * of the loyalty check-in → the history shows the code redeemed; the sandbox holds it redeemed; Netcore
 * receives the activity once; a second tablet redeeming the same code is refused with its status.
 */
import { expect, gotoHydrated, resetSandbox, signInAs, test } from './fixtures';
import { CAMPAIGNS, PEOPLE, checkCode, pickCampaign, sandboxCodeStatus, sandboxRequests } from './loyalty-helpers';

// A sandbox reset forgets the tokens Footprints issued: every journey resets, then signs in.
test.beforeEach(async ({ page }) => {
  await resetSandbox(page);
  await signInAs(page, 'hostess');
});

test('check → redeem → points → history shows it redeemed; the sandbox holds it redeemed; Netcore gets it once', async ({ page }) => {
  await gotoHydrated(page, '/loyalty');
  await pickCampaign(page, CAMPAIGNS.spring);
  await checkCode(page, PEOPLE.ana);

  const card = page.getByTestId('code-card');
  await expect(card.getByTestId('code-value')).toHaveText('SPRANA01');
  await expect(card.getByTestId('code-status')).toHaveText('Ready to redeem');
  const prize = (await card.getByTestId('code-prize').textContent())?.trim() ?? '';
  expect(prize).toMatch(/Voucher|delivery/);

  await card.getByRole('button', { name: 'Redeem' }).click();
  const dialog = page.getByRole('dialog', { name: 'Redeem this code?' });
  await expect(dialog.getByTestId('confirm-code')).toHaveText('SPRANA01');
  await expect(dialog.getByTestId('confirm-prize')).toHaveText(prize);
  await dialog.getByRole('button', { name: 'Redeem SPRANA01' }).dblclick();
  await expect(dialog).toHaveCount(0);

  const result = page.getByTestId('redemption-result');
  await expect(result.getByRole('heading', { name: 'Redeemed — confirmed by Footprints' })).toBeVisible();
  await expect(card.getByTestId('code-status')).toHaveText('Redeemed');
  await expect(card.getByRole('button', { name: 'Redeem' })).toHaveCount(0);
  // The sandbox's APP_CHECKIN offer on channel STORE: base 10, store bonus 5.
  await expect(result.getByTestId('points-base')).toHaveText('10');
  await expect(result.getByTestId('points-bonus')).toHaveText('5');
  await expect(result.getByTestId('points-targeted')).toHaveText('0');
  await expect(result.getByTestId('points-total')).toHaveText('15');

  await page.getByRole('button', { name: 'Show prize history' }).click();
  const row = page.getByTestId('history-SPRANA01');
  await expect(row).toContainText('Redeemed');
  await expect(row).toContainText('Spring Rewards');
  // Newest first: the code just redeemed heads the list.
  await expect(page.getByTestId('history-table').locator('tbody tr').first()).toHaveAttribute('data-testid', 'history-SPRANA01');

  expect(await sandboxCodeStatus(page.request, PEOPLE.ana, CAMPAIGNS.spring)).toBe('redeemed');
  // The double click changed the code once.
  expect((await sandboxRequests(page.request, 'footprints')).filter((r) => r.path === '/api/loyaltyCode/change')).toHaveLength(1);
  expect((await sandboxRequests(page.request, 'loyalty')).filter((r) => r.path.includes('/activities/'))).toHaveLength(1);

  // Netcore: the activity is queued and uploaded by the sync worker once (batched uploads are due a moment later).
  await expect
    .poll(async () => (await sandboxRequests(page.request, 'netcore-activity')).filter((r) => r.path === '/v1/activity/upload' && r.status === 200).length, {
      timeout: 30_000,
    })
    .toBe(1);
  await page.waitForTimeout(3000);
  expect((await sandboxRequests(page.request, 'netcore-activity')).filter((r) => r.path === '/v1/activity/upload')).toHaveLength(1);

  // The campaign is remembered on this tablet.
  await gotoHydrated(page, '/loyalty');
  await expect(page.getByTestId(`campaign-${CAMPAIGNS.spring}`).getByRole('radio')).toBeChecked();
});

test('a second tablet redeeming the same code is refused with the code’s status', async ({ page, browser }) => {
  const other = await browser.newContext();
  const tablet2 = await other.newPage();
  try {
    await signInAs(tablet2, 'manager');
    for (const p of [page, tablet2]) {
      await gotoHydrated(p, '/loyalty');
      await pickCampaign(p, CAMPAIGNS.spring);
      await checkCode(p, PEOPLE.andrei);
      await expect(p.getByTestId('code-value')).toHaveText('SPRAND01');
      await p.getByTestId('code-card').getByRole('button', { name: 'Redeem' }).click();
    }
    await page.getByRole('dialog').getByRole('button', { name: 'Redeem SPRAND01' }).click();
    await expect(page.getByTestId('redemption-result')).toBeVisible();

    await tablet2.getByRole('dialog').getByRole('button', { name: 'Redeem SPRAND01' }).click();
    await expect(tablet2.getByTestId('loyalty-notice')).toHaveText(/^This code was already used: it was redeemed on .+\. Nothing was changed\.$/);
    await expect(tablet2.getByTestId('redemption-result')).toHaveCount(0);

    // Checking again shows it redeemed, with no redeem button.
    await checkCode(tablet2, PEOPLE.andrei);
    await expect(tablet2.getByTestId('code-status')).toHaveText('Redeemed');
    await expect(tablet2.getByTestId('code-notice')).toHaveText(/^This code was already used/);
    await expect(tablet2.getByTestId('code-card').getByRole('button', { name: 'Redeem' })).toHaveCount(0);
    expect((await sandboxRequests(page.request, 'footprints')).filter((r) => r.path === '/api/loyaltyCode/change')).toHaveLength(1);
  } finally {
    await other.close();
  }
});
