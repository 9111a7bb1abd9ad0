/**
 * Manager journey: every code of a campaign with the hostess who allocated it, the vendor's search and
 * paging, and a CSV export of the current filter. Hostesses cannot open the list.
 */
import { readFile } from 'node:fs/promises';
import { expect, gotoHydrated, resetSandbox, signInAs, test } from './fixtures';
import { CAMPAIGNS } from './loyalty-helpers';

test.describe('manager', () => {
  test('lists, searches, pages and exports the codes of a campaign', async ({ page }) => {
    await resetSandbox(page);
    await signInAs(page, 'manager');
    await gotoHydrated(page, '/loyalty');
    await page.getByRole('link', { name: 'All codes of a campaign' }).click();
    await expect(page.getByRole('heading', { name: 'Loyalty codes' })).toBeVisible();
    const summary = page.getByTestId('codes-summary');
    await expect(summary).toHaveText(/^Codes 1–20 of \d+$/);
    const allCampaigns = (await summary.textContent())!;

    await page.getByLabel('Campaign').selectOption(CAMPAIGNS.spring);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(summary).not.toHaveText(allCampaigns);
    await expect(summary).toHaveText(/^Codes 1–20 of \d+$/);
    const total = Number((await summary.textContent())!.match(/of (\d+)/)![1]);
    expect(total).toBeGreaterThan(20);
    const rows = page.getByTestId('codes-table').locator('tbody tr');
    await expect(rows).toHaveCount(20);
    await expect(rows.first()).toContainText('Spring Rewards');
    await expect(rows.first().locator('td').last()).toHaveText(/Hostess/);

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(summary).toHaveText(new RegExp(`^Codes 21–${Math.min(40, total)} of ${total}$`));

    await page.getByLabel('Code contains').fill('SPRANA');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(summary).toHaveText('Codes 1–1 of 1');
    await expect(page.getByTestId('code-row-SPRANA01')).toContainText('Ana Popescu');

    await page.getByLabel('Code contains').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(summary).toHaveText(`Codes 1–20 of ${total}`);
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^loyalty-codes-${CAMPAIGNS.spring}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('code,campaign_id,campaign,status,prize,prize_points,first_name,last_name,email,phone,allocated_by');
    expect(lines).toHaveLength(total + 1);
    expect(lines.find((l) => l.startsWith('SPRANA01,'))).toContain('ana.popescu@example.com');
  });
});

test.describe('hostess', () => {
  test('cannot open the code list', async ({ page }) => {
    await resetSandbox(page);
    await signInAs(page, 'hostess');
    const res = await page.goto('/loyalty/codes');
    expect(res?.status()).toBe(403);
    await gotoHydrated(page, '/loyalty');
    await expect(page.getByRole('link', { name: 'All codes of a campaign' })).toHaveCount(0);
    await expect(page.getByText('Show all campaigns (past ones too)')).toHaveCount(0);
  });
});
