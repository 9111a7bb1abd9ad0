/**
 * Support journey, both channels: with Netcore slow, the browser never has more than MAX_IN_FLIGHT window
 * requests open at once (measured on the wire, not asserted from the number passed in); the printable report
 * holds an e-mail and an SMS section with exactly the rows the case page shows, and after a reload (rows are
 * never stored) it shows none until the case has asked Netcore again.
 */
import type { Page } from '@playwright/test';
import { MAX_IN_FLIGHT } from '../lib/privacy/constants';
import { addDaysIso, todayInZone } from '../lib/dates';
import { expect, gotoHydrated, resetSandbox, storageStateFor, test } from './fixtures';

const ANA = { email: 'ana.popescu@example.com', phone: '0722000001' };
const today = () => todayInZone('Europe/Bucharest');
const daysAgo = (n: number) => addDaysIso(today(), -n);

/** The case page's rows per channel, as "activity|message id|raw date". */
async function caseRows(page: Page): Promise<Record<string, string[]>> {
  const rows = await page.getByTestId('activity-row').evaluateAll((trs) =>
    trs.map((r) => {
      const cells = [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
      const id = r.querySelector('[data-testid="message-id"]')?.textContent?.trim() ?? '';
      const raw = r.querySelector('[data-testid="time-raw"]')?.textContent?.trim() ?? '';
      return { channel: cells[0], key: `${cells[1]}|${id}|${raw}` };
    }),
  );
  const out: Record<string, string[]> = { email: [], sms: [] };
  for (const r of rows) (out[r.channel] ??= []).push(r.key);
  return out;
}

/** The report's rows per channel section, as "activity|message id|raw date" (the case page's key). */
async function reportRows(page: Page, channel: 'email' | 'sms'): Promise<string[]> {
  return page
    .getByTestId(`report-channel-${channel}`)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((r) => {
        const td = [...r.querySelectorAll('td')].map((c) => c.textContent?.trim() ?? '');
        return `${td[2]}|${td[3].split(' ')[0]}|${td[1]}`;
      }),
    );
}

test.describe('privacy desk: both channels, concurrency, the printable report', () => {
  test.use({ storageState: storageStateFor('support') });
  test.afterEach(async ({ page }) => {
    await resetSandbox(page);
  });

  test('at most MAX_IN_FLIGHT windows in flight, measured on the wire; the report has both channels and their rows, also after a reload', async ({ page }) => {
    test.setTimeout(300_000);
    await resetSandbox(page);
    // Slow Netcore: windows overlap, so the pool's bound is what limits them.
    const slow = await page.request.post('/sandbox/_control/faults', { data: { vendor: 'netcore-api', latencyMs: 1_500 } });
    expect(slow.ok()).toBeTruthy();

    let open = 0;
    let maxOpen = 0;
    let started = 0;
    const isWindow = (url: string, method: string) => method === 'POST' && url.endsWith('/privacy/run-window');
    page.on('request', (req) => {
      if (!isWindow(req.url(), req.method())) return;
      started += 1;
      open += 1;
      maxOpen = Math.max(maxOpen, open);
    });
    const done = (req: { url(): string; method(): string }) => {
      if (isWindow(req.url(), req.method())) open -= 1;
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);

    await gotoHydrated(page, '/privacy');
    await page.getByLabel("Data subject's e-mail").fill(ANA.email);
    await page.getByLabel("Data subject's mobile").fill(ANA.phone);
    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page).toHaveURL(/\/privacy\/[0-9a-f-]{36}$/);
    await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
    const caseUrl = page.url();

    await page.getByRole('radio', { name: 'Both' }).check();
    await page.getByLabel('From', { exact: true }).fill(daysAgo(29));
    await page.getByLabel('To', { exact: true }).fill(today());
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('button', { name: /^Split into \d+ windows$/ }).click();
    await expect(page.getByTestId('progress-text')).toHaveText(/^(\d+) of \1 windows answered$/, { timeout: 120_000 });
    const total = Number(/^(\d+) of/.exec((await page.getByTestId('progress-text').textContent()) ?? '')![1]);
    expect(total).toBeGreaterThan(MAX_IN_FLIGHT);
    expect(started).toBe(total);
    // The bound is reached (the pool does run windows side by side) and never passed.
    expect(maxOpen).toBe(MAX_IN_FLIGHT);

    const shown = await caseRows(page);
    expect(shown.email.length).toBeGreaterThan(0);
    expect(shown.sms.length).toBeGreaterThan(0);

    // The printable report: an e-mail and an SMS section, each with exactly the rows the case page shows.
    const checkReport = async () => {
      await expect(page.getByTestId('privacy-report')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('report-channel-email').getByRole('heading')).toHaveText(`E-mail — ${shown.email.length} activities`);
      await expect(page.getByTestId('report-channel-sms').getByRole('heading')).toHaveText(`SMS — ${shown.sms.length} activities`);
      expect((await reportRows(page, 'email')).sort()).toEqual([...shown.email].sort());
      expect((await reportRows(page, 'sms')).sort()).toEqual([...shown.sms].sort());
    };
    await page.getByRole('link', { name: 'Printable report' }).click();
    await expect(page).toHaveURL(`${caseUrl}/report`);
    await checkReport();

    // A reload: the rows lived only in this tab's memory (never stored), so the report says so and shows no
    // row at all — never a partial or stale one; the case then asks Netcore again and the report is whole.
    await page.reload();
    await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
    await expect(page.getByText('No lookup results in this browser tab.')).toBeVisible();
    await expect(page.getByTestId('privacy-report')).toHaveCount(0);
    await expect(page.locator('tbody tr')).toHaveCount(0);
    await page.getByRole('link', { name: /^Back to case / }).click();
    await expect(page).toHaveURL(caseUrl);
    await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
    await page.getByRole('button', { name: `Resume (${total} windows)` }).click();
    await expect(page.getByTestId('progress-text')).toHaveText(`${total} of ${total} windows answered`, { timeout: 120_000 });
    expect(await caseRows(page)).toEqual(shown);
    await page.getByRole('link', { name: 'Printable report' }).click();
    await checkReport();
  });
});
