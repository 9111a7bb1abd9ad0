/**
 * Issue 16: the printable GDPR report in the language chosen for the data subject, which may differ from the
 * staff member's. A support member working in English chooses Romanian for the person: the report's texts, its
 * dates (Romanian month names) and counts are Romanian while the staff's controls around it stay English; the
 * CSV's column names follow the person's language, or the stable English keys when chosen. Axe is clean.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { parseCsv } from '../lib/privacy/results';
import { addDays, formatIsoDate, parseIsoDate } from '../lib/vendors/netcore/window-rule';
import { formatCalendarDay, formatInstant, todayInZone } from '../lib/dates';
import { expect, gotoHydrated, resetSandbox, storageStateFor, test } from './fixtures';

const STORE_TZ = 'Europe/Bucharest';
const ANA = { email: 'ana.popescu@example.com', phone: '0722000001' };
const today = () => todayInZone(STORE_TZ);
const daysAgo = (n: number) => formatIsoDate(addDays(parseIsoDate(today())!, -n));

test.describe('privacy desk: the report in the person’s language', () => {
  // The staff member works in English (the browser asks for English; the e2e default is English too).
  test.use({ storageState: storageStateFor('support'), locale: 'en-GB' });

  test('a staff member working in English prints the report in Romanian; the CSV follows the choice', async ({ page }) => {
    test.setTimeout(90_000);
    await resetSandbox(page);
    await gotoHydrated(page, '/privacy');
    await page.getByLabel("Data subject's e-mail").fill(ANA.email);
    await page.getByLabel("Data subject's mobile").fill(ANA.phone);
    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page).toHaveURL(/\/privacy\/[0-9a-f-]{36}$/);
    await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
    const reference = (await page.getByTestId('case-reference').textContent()) ?? '';
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByRole('radio', { name: 'E-mail' }).check();
    await page.getByLabel('From', { exact: true }).fill(daysAgo(6));
    await page.getByLabel('To', { exact: true }).fill(today());
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByTestId('progress-text')).toHaveText('1 of 1 windows answered');
    const total = Number(await page.getByTestId('total-count').textContent());

    // The person reads Romanian; the staff's screen stays English.
    const language = page.getByLabel('Language of the report and files for the person');
    await expect(language).toHaveValue('en');
    await language.selectOption('ro');

    // CSV: column names in Romanian, or the stable English keys.
    const [roCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const roRows = parseCsv(await readFile((await roCsv.path())!, 'utf8'));
    expect(roRows[0].slice(0, 3)).toEqual(['Canal', 'Tip activitate', 'Id mesaj']);
    await page.getByLabel('CSV column names').selectOption('keys');
    const [keysCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const keyRows = parseCsv(await readFile((await keysCsv.path())!, 'utf8'));
    expect(keyRows[0].slice(0, 3)).toEqual(['channel', 'activity_type', 'message_id']);
    expect(keyRows.slice(1)).toEqual(roRows.slice(1));

    await page.getByRole('link', { name: 'Printable report' }).click();
    await expect(page).toHaveURL(/\/report\?lang=ro$/);
    const report = page.getByTestId('privacy-report');
    await expect(report).toBeVisible();
    await expect(report).toHaveAttribute('lang', 'ro');
    await expect(report.getByRole('heading', { level: 1 })).toHaveText('Datele dumneavoastră personale: activitatea prin e-mail și SMS');
    await expect(page.getByTestId('report-reference')).toHaveText(reference);
    await expect(page.getByTestId('report-coverage')).toContainText('Ferestre cu răspuns: 1 din 1');
    await expect(page.getByTestId('report-coverage')).toContainText('Ferestre eșuate: niciuna.');
    // Dates in Romanian ("04 dec. 2026"), never the ISO day.
    await expect(page.getByTestId('report-received')).toHaveText(formatCalendarDay(today(), 'ro'));
    await expect(page.getByTestId('report-period')).toHaveText(`${formatCalendarDay(daysAgo(6), 'ro')} – ${formatCalendarDay(today(), 'ro')}`);
    await expect(page.getByTestId('report-produced')).toContainText(formatInstant(new Date(), STORE_TZ, 'day', '', 'ro'));
    const form = new Intl.PluralRules('ro').select(total);
    const activities = form === 'one' ? `${total} activitate` : form === 'few' ? `${total} activități` : `${total} de activități`;
    await expect(page.getByTestId('report-channel-email').getByRole('heading')).toHaveText(`E-mail — ${activities}`);
    // The staff's controls stay in the staff's language.
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    await expect(page.getByRole('link', { name: `Back to case ${reference}` })).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Switching the report's language keeps the rows (the same tab) and writes English dates.
    await page.getByRole('navigation', { name: 'Language of the report' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/report\?lang=en$/);
    await expect(page.getByTestId('report-coverage')).toContainText('Windows answered: 1 of 1');
    await expect(page.getByTestId('report-received')).toHaveText(formatCalendarDay(today(), 'en'));
  });
});
