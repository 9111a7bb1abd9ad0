/**
 * Manager journey: insights in sandbox mode. The charts draw, the period and a store go into the URL, the
 * lost-reasons CSV holds the same cells as the chart's table view, and axe finds nothing serious.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, resetSandbox, signInAs, test } from './fixtures';

function parseCsv(text: string): string[][] {
  // The export quotes only cells with commas, quotes or line breaks; the lost-reasons cells have none.
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

test('a manager reads insights, filters by period and store, and exports the lost reasons', async ({ page }) => {
  test.setTimeout(240_000);
  await resetSandbox(page);
  await signInAs(page, 'manager');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' })).toBeVisible();
  // The first visit fills the read model from Footprints: slower than a page load on a busy machine.
  await page.goto('/insights');
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();

  // Charts draw once they scroll into view (the chart module loads on this page only, and only then), each with its
  // table view; the charts further down are not drawn before she gets there.
  const charts = page.getByTestId('insights-chart');
  const chartCount = await charts.count();
  expect(chartCount).toBeGreaterThanOrEqual(4);
  await expect(charts.last().locator('[data-testid="chart-svg"]')).toHaveCount(0);
  for (let k = 0; k < chartCount; k++) {
    await charts.nth(k).scrollIntoViewIfNeeded();
    const chart = charts.nth(k);
    await expect(chart.locator('[data-testid="chart-svg"]').or(chart.getByText('Nothing to chart in this period.')).first()).toBeVisible({ timeout: 20_000 });
  }
  expect(await charts.locator('[data-testid="chart-svg"]').count()).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('table-funnel')).toBeVisible();

  // Values on keyboard focus: the chart takes focus, an arrow key shows the tooltip.
  const funnelChart = page.getByTestId('card-funnel').getByTestId('chart-svg').first();
  await funnelChart.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('card-funnel').getByTestId('chart-tooltip')).toContainText(/Reached in order/);
  await expect(funnelChart.getByText('Step', { exact: true })).toBeVisible();
  await expect(funnelChart.getByText('Leads', { exact: true })).toBeVisible();
  // …and on hover.
  const lostReasons = page.getByTestId('card-lost-reasons');
  await lostReasons.getByTestId('chart-category').first().hover();
  await expect(lostReasons.getByTestId('chart-tooltip')).toContainText(/Lost leads: \d/);

  // A longer period and one store: both end up in the URL and survive a reload.
  const form = page.getByRole('form', { name: 'Insights filters' });
  const to = await form.getByLabel('To', { exact: true }).inputValue();
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 59 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('From', { exact: true }).fill(from);
  const store = form.getByLabel('Store', { exact: true });
  const storeId = await store.locator('option').nth(1).getAttribute('value');
  expect(storeId).toBeTruthy();
  await store.selectOption(storeId!);
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]from=${from}.*&to=${to}.*&location=${encodeURIComponent(storeId!)}`));
  await page.reload();
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached({ timeout: 60_000 });
  await expect(form.getByLabel('From', { exact: true })).toHaveValue(from);
  await expect(form.getByLabel('Store', { exact: true })).toHaveValue(storeId!);
  // The period in the page's words (English: "01 Mar 2026"), as lib/dates.ts writes a day.
  const day = (ymd: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: '2-digit' }).format(new Date(`${ymd}T12:00:00Z`));
  await expect(page.getByText(`Leads captured from ${day(from)} to ${day(to)}`)).toBeVisible();

  // The lost-reasons CSV holds exactly the table view's cells.
  const table = page.getByTestId('table-lost-reasons');
  const header = await table.locator('thead th').allInnerTexts();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())));
  expect(rows).toHaveLength(9);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('card-lost-reasons').getByRole('button', { name: /Download as CSV: Lost leads by reason/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`insights-lost-reasons-${from}-${to}.csv`);
  const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
  expect(csv[0]).toEqual(header.map((h) => h.trim()));
  expect(csv.slice(1)).toEqual(rows);

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a hostess is refused insights', async ({ page }) => {
  await signInAs(page, 'hostess');
  const res = await page.goto('/insights');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' })).toHaveCount(0);
});
