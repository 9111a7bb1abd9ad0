/**
 * Support looks up 30 days: the console refuses it as one range and offers to split; the split runs 5
 * windows with live progress; with the Netcore sandbox failing one window the coverage statement names it
 * and a retry fills it; the merged rows are the union of the 5 windows with no duplicates, sorted by time;
 * the CSV and JSON downloads hold exactly the rows shown; the printable report has one page per channel.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { parseCsv } from '../lib/privacy/results';
import { addDays, formatIsoDate, isoToDdmmyyyy, parseIsoDate } from '../lib/vendors/netcore/window-rule';
import { formatInstant, todayInZone } from '../lib/dates';
import { expect, gotoHydrated, resetSandbox, storageStateFor, test } from './fixtures';

const STORE_TZ = 'Europe/Bucharest';
const ANA = { email: 'ana.popescu@example.com', phone: '0722000001' };
const today = () => todayInZone(STORE_TZ);
const daysAgo = (n: number) => formatIsoDate(addDays(parseIsoDate(today())!, -n));

async function netcoreRequestCount(page: Page): Promise<number> {
  const res = await page.request.get('/sandbox/_control/requests?vendor=netcore-api');
  return ((await res.json()) as { count: number }).count;
}

async function sandboxActivity(request: APIRequestContext, from: string, to: string): Promise<string[]> {
  const res = await request.post('/sandbox/netcore-api/apiv2?type=export_data&activity=get_user_channel_activity_data&apikey=sandbox-netcore-key', {
    form: { data: JSON.stringify({ primary_key: ANA.email, channel: 'email', from_date: isoToDdmmyyyy(from), to_date: isoToDdmmyyyy(to) }) },
  });
  const body = (await res.json()) as { result: { channel_activity: { activity: string; message_id: number; activity_date: string }[] } };
  return body.result.channel_activity.map((e) => `email|${e.activity}|${e.message_id}|${e.activity_date}`);
}

async function shownRows(page: Page): Promise<{ key: string; time: string }[]> {
  return page.getByTestId('activity-row').evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll('td')].map((td) => td.textContent ?? '');
      const id = r.querySelector('[data-testid="message-id"]')?.textContent ?? '';
      const raw = r.querySelector('[data-testid="time-raw"]')?.textContent ?? '';
      const time = r.querySelector('[data-testid="time-store"]')?.textContent ?? '';
      return { key: `${cells[0]}|${cells[1]}|${id}|${raw}`, time };
    }),
  );
}

test.describe('privacy desk: split lookup', () => {
  test.use({ storageState: storageStateFor('support') });

  test('30 days split into 5 windows; a failing window is named and retried; downloads hold the rows shown', async ({ page }) => {
    test.setTimeout(120_000);
    await resetSandbox(page);
    await gotoHydrated(page, '/privacy');
    await page.getByLabel("Data subject's e-mail").fill(ANA.email);
    await page.getByLabel("Data subject's mobile").fill(ANA.phone);
    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page).toHaveURL(/\/privacy\/[0-9a-f-]{36}$/);
    await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
    const reference = (await page.getByTestId('case-reference').textContent()) ?? '';

    // The five windows the split must make: 7 + 7 + 7 + 7 + 2 days.
    const from = daysAgo(29);
    const to = today();
    const windows = [0, 1, 2, 3, 4].map((i) => ({ from: daysAgo(29 - 7 * i), to: i === 4 ? to : daysAgo(29 - 7 * i - 6) }));

    await page.getByRole('radio', { name: 'E-mail' }).check();
    await page.getByLabel('From', { exact: true }).fill(from);
    await page.getByLabel('To', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.locator('#field-to-error')).toContainText('The range covers 30 days');

    // Netcore fails the third window (its from_date is in the form-encoded body) until told otherwise.
    const broken = windows[2];
    const fault = await page.request.post('/sandbox/_control/faults', {
      data: { vendor: 'netcore-api', failStatus: 500, match: `"from_date":"${isoToDdmmyyyy(broken.from)}"` },
    });
    expect(fault.ok()).toBeTruthy();

    await page.getByRole('button', { name: 'Split into 5 windows' }).click();
    await expect(page.getByTestId('progress-text')).toHaveText('4 of 5 windows answered, 1 failed');
    await expect(page.getByRole('progressbar', { name: 'Windows answered' })).toHaveAttribute('aria-valuenow', '4');
    const coverage = page.getByTestId('coverage-statement');
    await expect(coverage).toContainText(`Windows failed: 1 — e-mail ${broken.from} to ${broken.to} (Netcore is not answering right now; retry this window in a minute.)`);
    await expect(coverage).toContainText('Windows answered: 4 of 5');
    await expect(page.getByTestId('window').filter({ hasText: `e-mail ${broken.from} to ${broken.to}` })).toHaveAttribute('data-state', 'failed');
    expect(await netcoreRequestCount(page)).toBe(5);

    // The vendor recovers; retrying the failed window fills it.
    await page.request.post('/sandbox/_control/faults', { data: { vendor: 'netcore-api', failStatus: null, match: null } });
    await page.getByRole('button', { name: `Retry e-mail ${broken.from} to ${broken.to}` }).click();
    await expect(page.getByTestId('progress-text')).toHaveText('5 of 5 windows answered');
    await expect(coverage).toContainText('Windows answered: 5 of 5');
    await expect(coverage).toContainText('Windows failed: none. Windows never asked: none.');
    expect(await netcoreRequestCount(page)).toBe(6);

    // The union of the five windows, as the simulator itself answers them, with no duplicates, by time.
    const expected = (await Promise.all(windows.map((w) => sandboxActivity(page.request, w.from, w.to)))).flat();
    expect(expected.length).toBeGreaterThan(5);
    const shown = await shownRows(page);
    expect(shown.map((r) => r.key).sort()).toEqual([...expected].sort());
    expect(new Set(shown.map((r) => r.key)).size).toBe(shown.length);
    const times = shown.map((r) => r.time);
    expect([...times].sort()).toEqual(times);
    await expect(page.getByTestId('total-count')).toHaveText(String(expected.length));

    // CSV: the same rows, in the same order (the stable English keys as column names: issue 16).
    await page.getByLabel('CSV column names').selectOption('keys');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toBe(`${reference}-channel-activity.csv`);
    const csv = parseCsv(await readFile((await csvDownload.path())!, 'utf8'));
    expect(csv[0].slice(0, 7)).toEqual(['channel', 'activity_type', 'message_id', 'message_name', 'time_store', 'time_utc', 'activity_date_raw']);
    expect(csv.slice(1).map((c) => `${c[0]}|${c[1]}|${c[2]}|${c[6]}`)).toEqual(shown.map((r) => r.key));
    expect(csv.slice(1).map((c) => c[4])).toEqual(times);

    // JSON: the same rows, the reference, the coverage, the subject.
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    const doc = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')) as {
      reference: string;
      subject: { email: string };
      coverage: { answered: string[]; failed: string[]; neverAsked: string[] };
      activities: { channel: string; activity: string; messageId: string; rawDate: string }[];
      counts: { total: number };
    };
    expect(doc.reference).toBe(reference);
    expect(doc.subject.email).toBe(ANA.email);
    expect(doc.coverage.answered).toHaveLength(5);
    expect(doc.coverage.failed).toEqual([]);
    expect(doc.activities.map((a) => `${a.channel}|${a.activity}|${a.messageId}|${a.rawDate}`)).toEqual(shown.map((r) => r.key));
    expect(doc.counts.total).toBe(shown.length);

    // The case page passes axe (serious / critical).
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // The printable report: reference, coverage, one page per channel.
    await page.getByRole('link', { name: 'Printable report' }).click();
    await expect(page.getByTestId('privacy-report')).toBeVisible();
    await expect(page.getByTestId('report-reference')).toHaveText(reference);
    await expect(page.getByTestId('report-coverage')).toContainText('Windows answered: 5 of 5');
    const section = page.getByTestId('report-channel-email');
    await expect(section).toContainText(`E-mail — ${shown.length} activities`);
    expect(await section.evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
    // Dates in the report's language (issue 16): "04 Dec 2026, 13:02".
    await expect(page.getByTestId('report-produced')).toContainText(formatInstant(new Date(), STORE_TZ, 'day', '', 'en'));

    // Exports are audited with the reference; the case history keeps counts, not rows.
    await page.goto(`/privacy`);
    const admin = await page.context().browser()!.newPage({ storageState: storageStateFor('admin') });
    await gotoHydrated(admin, `/admin/audit?q=${reference}&action=privacy.export`);
    await expect(admin.getByTestId('audit-table')).toContainText('privacy.export');
    await admin.close();
  });
});
