/**
 * Issue 16: the manager's desks in Romanian. A browser preferring ro-RO (the manager has saved no language)
 * gets the pipeline board, its table and the insights page in Romanian — words, plurals, lei and dates — with
 * axe clean; the insights CSV comes in Romanian, or with English keys when she picks the machine-readable one.
 * The manager never saves a choice here, so the English journeys keep meeting English.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, gotoHydrated, storageStateFor, test } from './fixtures';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function romanianManager(browser: Browser) {
  const context = await browser.newContext({ locale: 'ro-RO', storageState: storageStateFor('manager') });
  return { context, page: await context.newPage() };
}

test('the pipeline board and its table in Romanian: words, plurals, lei and dates; axe is clean', async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await romanianManager(browser);
  await gotoHydrated(page, '/leads');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Actualizează din Footprints' })).toBeVisible();
  await expect(page.getByTestId('column-opportunity').getByRole('heading', { level: 2 })).toContainText('Oportunitate');
  // Lei as Romanian writes them ("12.500 lei"), and the total as a Romanian plural.
  await expect(page.getByTestId('column-opportunity').getByTestId('column-value')).toHaveText(/^Valoarea ofertelor: [\d.]+(,\d\d)?\u00a0lei$/);
  await expect(page.getByTestId('pipeline-total')).toHaveText(/^(1 lead|[\d.]+ (de )?lead-uri)$/);
  await expect(page.getByTestId('sync-status')).toHaveText(/^(Ultima sincronizare cu Footprints: \d\d [a-z]+\.? \d{4}, \d\d:\d\d:\d\d|Încă nesincronizat cu Footprints)/);
  await expect(page.getByRole('search', { name: 'Filtrează pipeline-ul' }).getByLabel('Creat de la')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('group', { name: 'Vizualizare' }).getByRole('button', { name: 'Tabel' }).click();
  await expect(page.getByTestId('sort-caption')).toHaveText('Lead-uri sortate după data creării, cele mai noi întâi');
  await expect(page.getByTestId('page-of')).toHaveText(/^Pagina 1 din \d+$/);
  await expect(page.getByTestId('row-status').first()).toHaveText(/^(Prospect|Lead|Lead de vânzare|Oportunitate|Client|Pierdut)$/);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test('insights in Romanian: cards, charts, tables and both CSVs; axe is clean', async ({ browser }) => {
  test.setTimeout(240_000);
  const { context, page } = await romanianManager(browser);
  await gotoHydrated(page, '/insights');
  await expect(page).toHaveTitle(/^Statistici/);
  await expect(page.getByRole('heading', { level: 1, name: 'Statistici' })).toBeVisible();
  await expect(page.getByText(/^Lead-uri preluate de la \d\d [a-z]+\.? \d{4} la \d\d [a-z]+\.? \d{4}/)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Filtrele statisticilor' }).getByLabel('De la', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Pâlnie' })).toBeVisible();
  const funnel = page.getByTestId('card-funnel');
  await expect(funnel.getByTestId('table-funnel').locator('thead th').first()).toHaveText('Pas');
  await expect(funnel.getByTestId('table-funnel').locator('tbody th').first()).toHaveText('Preluat');
  const chart = funnel.getByTestId('insights-chart').first();
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.getByTestId('chart-svg')).toHaveAttribute('aria-label', 'Lead-uri pe pas: focalizează, apoi tastele săgeți citesc fiecare valoare', { timeout: 20_000 });
  await expect(chart.getByTestId('chart-legend')).toContainText('Atins în ordine');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await seriousViolations(page)).toEqual([]);

  const lost = page.getByTestId('card-lost-reasons');
  const header = (await lost.getByTestId('table-lost-reasons').locator('thead th').allInnerTexts()).map((h) => h.trim());
  expect(header.slice(0, 3)).toEqual(['Motiv', 'Lead-uri', 'Pondere']);
  const [localized] = await Promise.all([page.waitForEvent('download'), lost.getByRole('button', { name: /^Descarcă CSV: Lead-uri pierdute după motiv/ }).click()]);
  const localizedCsv = await readFile((await localized.path())!, 'utf8');
  expect(localizedCsv.split('\r\n')[0]).toBe(header.join(','));
  const [machine] = await Promise.all([page.waitForEvent('download'), lost.getByRole('button', { name: /^Descarcă CSV pentru programe/ }).click()]);
  expect(machine.suggestedFilename()).toMatch(/^insights-lost-reasons-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d-keys\.csv$/);
  const machineCsv = await readFile((await machine.path())!, 'utf8');
  expect(machineCsv.split('\r\n')[0]).toBe('reason,count,share,from_prospect,from_lead,from_sale_lead,from_opportunity,from_customer,from_unknown');
  await context.close();
});
