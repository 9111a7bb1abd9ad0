/**
 * Hostess journey: a customer says "I have a prize". Check → redeem (confirmed by Footprints) → the points
 * of the loyalty check-in → the history shows the code redeemed; the sandbox holds it redeemed; Netcore
 * receives the activity once; a second tablet redeeming the same code is refused with its status.
 */
import { expect, gotoHydrated, resetSandbox, signInAs, test } from './fixtures';
import { NOTHING_MORE_MS } from './capture-support';
import { CAMPAIGNS, PEOPLE, checkCode, pickCampaign, sandboxCodeStatus, sandboxRequests } from './loyalty-helpers';

// A sandbox reset forgets the tokens Footprints issued: every journey resets, then signs in.
test.beforeEach(async ({ page }) => {
  await resetSandbox(page);
  await signInAs(page, 'hostess');
});

/**
 * The console sends a code's Netcore activity once ever (its key is campaign + code), and a sandbox reset does
 * not reset the console's database: each pass of the suite (npm run test:e2e runs two on one server) redeems
 * a code of its own, or the second pass would wait for an upload the console rightly never makes again.
 */
function codeOfThisPass(): { person: { email: string; phone: string }; code: string } {
  const pass = Number(/^pass(\d+):/.exec(test.info().project.name)?.[1] ?? 1);
  const codes = [
    { person: PEOPLE.ana, code: 'SPRANA01' },
    { person: PEOPLE.ioana, code: 'SPRIOA01' },
  ];
  if (pass > codes.length) throw new Error(`loyalty-redeem has seeded codes for ${codes.length} passes, not ${pass}`);
  return codes[pass - 1];
}

test('check → redeem → points → history shows it redeemed; the sandbox holds it redeemed; Netcore gets it once', async ({ page }) => {
  const { person, code } = codeOfThisPass();
  await gotoHydrated(page, '/loyalty');
  await pickCampaign(page, CAMPAIGNS.spring);
  await checkCode(page, person);

  const card = page.getByTestId('code-card');
  await expect(card.getByTestId('code-value')).toHaveText(code);
  await expect(card.getByTestId('code-status')).toHaveText('Ready to redeem');
  const prize = (await card.getByTestId('code-prize').textContent())?.trim() ?? '';
  expect(prize).toMatch(/Voucher|delivery/);

  await card.getByRole('button', { name: 'Redeem' }).click();
  const dialog = page.getByRole('dialog', { name: 'Redeem this code?' });
  await expect(dialog.getByTestId('confirm-code')).toHaveText(code);
  await expect(dialog.getByTestId('confirm-prize')).toHaveText(prize);
  await dialog.getByRole('button', { name: `Redeem ${code}` }).dblclick();
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
  const row = page.getByTestId(`history-${code}`);
  await expect(row).toContainText('Redeemed');
  await expect(row).toContainText('Spring Rewards');
  // Newest first: the code just redeemed heads the list.
  await expect(page.getByTestId('history-table').locator('tbody tr').first()).toHaveAttribute('data-testid', `history-${code}`);

  expect(await sandboxCodeStatus(page.request, person, CAMPAIGNS.spring)).toBe('redeemed');
  // The double click changed the code once.
  expect((await sandboxRequests(page.request, 'footprints')).filter((r) => r.path === '/api/loyaltyCode/change')).toHaveLength(1);
  expect((await sandboxRequests(page.request, 'loyalty')).filter((r) => r.path.includes('/activities/'))).toHaveLength(1);

  // Netcore: the activity is queued and uploaded by the sync worker once (batched uploads are due a moment later).
  await expect
    .poll(async () => (await sandboxRequests(page.request, 'netcore-activity', person.email)).filter((r) => r.path === '/v1/activity/upload' && r.status === 200).length, {
      timeout: 30_000,
    })
    .toBe(1);
  // One whole gathering window (5 s) plus a retry (≥ 2 s) and a poll later, still one.
  await page.waitForTimeout(NOTHING_MORE_MS);
  expect((await sandboxRequests(page.request, 'netcore-activity', person.email)).filter((r) => r.path === '/v1/activity/upload')).toHaveLength(1);

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
