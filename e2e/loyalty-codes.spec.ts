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
    await page.getByRole('button', { name: 'Export CSV' }).click();
    // The count comes before the download.
    await expect(page.getByTestId('export-count')).toHaveText(`${total} codes of Spring Rewards will be downloaded, with the customers’ names, e-mails and phones.`);
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: `Download ${total} codes` }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^loyalty-codes-${CAMPAIGNS.spring}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const raw = await readFile((await download.path())!);
    // UTF-8 with a BOM.
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.toString('utf8').slice(1).trimEnd().split('\r\n');
    // Column names in the manager's language (English here); the stable keys are a choice (e2e/i18n-loyalty.spec.ts).
    expect(lines[0]).toBe('Code,Campaign ID,Campaign,Status,Prize,Prize points,First name,Last name,E-mail,Phone,Allocated by');
    expect(lines).toHaveLength(total + 1);
    const ana = lines.find((l) => l.startsWith('SPRANA01,'))!;
    expect(ana).toContain('ana.popescu@example.com');
    // The phone stays text (leading 0) and the status is the screen's word.
    expect(ana).toContain(',"=""0722000001""",');
    expect(ana).toMatch(/^SPRANA01,sdspring01a,Spring Rewards,Ready to redeem,/);
  });

  test('export applies a campaign chosen without Search: only what the screen then shows is downloaded', async ({ page }) => {
    await resetSandbox(page);
    await signInAs(page, 'manager');
    await gotoHydrated(page, '/loyalty/codes');
    const summary = page.getByTestId('codes-summary');
    await expect(summary).toHaveText(/^Codes 1–20 of \d+$/);
    await page.getByLabel('Campaign').selectOption(CAMPAIGNS.flash);
    // No Search: Export applies the pending filter first and names the count.
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect(page.getByTestId('export-count')).toHaveText(/^\d+ codes of Flash Weekend will be downloaded/);
    const total = Number((await page.getByTestId('export-count').textContent())!.match(/^(\d+)/)![1]);
    await expect(summary).toHaveText(new RegExp(`of ${total}$`));
    await expect(page.getByTestId('codes-table').locator('tbody tr').first()).toContainText('Flash Weekend');
    // Flash's codes have expired: the screen and the file say so, not "Ready to redeem".
    await expect(page.getByTestId('codes-table')).not.toContainText('Ready to redeem');
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: `Download ${total} codes` }).click();
    const download = await downloadPromise;
    const lines = (await readFile((await download.path())!, 'utf8')).slice(1).trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(total);
    expect(lines.every((l) => l.includes(`,${CAMPAIGNS.flash},Flash Weekend,`))).toBe(true);
    expect(lines.some((l) => l.includes(',Expired,'))).toBe(true);
    expect(lines.some((l) => l.includes('Ready to redeem'))).toBe(false);
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
