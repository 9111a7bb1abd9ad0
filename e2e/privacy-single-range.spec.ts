/**
 * Support answers an access request with a single range: an 8-day range is refused in the form and,
 * sent as a crafted action call, by the server — and Netcore hears nothing; a 7-day range returns the
 * seeded activity; the masked contact is revealed, and the reveal and the lookup are in the audit trail.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { addDays, formatIsoDate, isoToDdmmyyyy, parseIsoDate } from '../lib/vendors/netcore/window-rule';
import { todayInZone } from '../lib/dates';
import { expect, gotoHydrated, resetSandbox, storageStateFor, test } from './fixtures';

const STORE_TZ = 'Europe/Bucharest';
const ANA = { email: 'ana.popescu@example.com', phone: '0722000001' };
const today = () => todayInZone(STORE_TZ);
const daysAgo = (n: number) => formatIsoDate(addDays(parseIsoDate(today())!, -n));

async function netcoreRequestCount(page: Page): Promise<number> {
  const res = await page.request.get('/sandbox/_control/requests?vendor=netcore-api');
  return ((await res.json()) as { count: number }).count;
}

/** What the Netcore simulator itself answers for a window (asked directly, not through the console). */
async function sandboxActivity(request: APIRequestContext, channel: 'email' | 'sms', from: string, to: string): Promise<string[]> {
  const res = await request.post('/sandbox/netcore-api/apiv2?type=export_data&activity=get_user_channel_activity_data&apikey=sandbox-netcore-key', {
    form: { data: JSON.stringify({ primary_key: ANA.email, channel, from_date: isoToDdmmyyyy(from), to_date: isoToDdmmyyyy(to) }) },
  });
  const body = (await res.json()) as { result: { channel_activity: { activity: string; message_id: number; activity_date: string }[] } };
  return body.result.channel_activity.map((e) => `${channel}|${e.activity}|${e.message_id}|${e.activity_date}`);
}

async function shownKeys(page: Page): Promise<string[]> {
  return page.getByTestId('activity-row').evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll('td')].map((td) => td.textContent ?? '');
      const id = r.querySelector('[data-testid="message-id"]')?.textContent ?? '';
      const raw = r.querySelector('[data-testid="time-raw"]')?.textContent ?? '';
      return `${cells[0]}|${cells[1]}|${id}|${raw}`;
    }),
  );
}

async function openCase(page: Page): Promise<string> {
  await gotoHydrated(page, '/privacy');
  await page.getByLabel("Data subject's e-mail").fill(ANA.email);
  await page.getByLabel("Data subject's mobile").fill(ANA.phone);
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page).toHaveURL(/\/privacy\/[0-9a-f-]{36}$/);
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  return (await page.getByTestId('case-reference').textContent()) ?? '';
}

test.describe('privacy desk: single range', () => {
  test.use({ storageState: storageStateFor('support') });

  test('8 days refused in the form and by the server (Netcore hears nothing); 7 days returns the seeded activity', async ({ page, browser }) => {
    await resetSandbox(page);
    const reference = await openCase(page);
    expect(reference).toMatch(/^DSAR-\d{6}-[A-Z2-9]{4}$/);
    await expect(page.getByTestId('days-left')).toContainText('days left');
    await expect(page.getByTestId('case-status')).toHaveText('Open');

    // 1. The form refuses 8 days, says the limit, offers to split.
    await page.getByRole('radio', { name: 'Both' }).check();
    await page.getByLabel('From', { exact: true }).fill(daysAgo(7));
    await page.getByLabel('To', { exact: true }).fill(today());
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.locator('#field-to-error')).toContainText('The range covers 8 days');
    await expect(page.locator('#field-to-error')).toContainText('at most 7 days');
    await expect(page.getByRole('button', { name: 'Split into 2 windows' })).toBeVisible();
    expect(await netcoreRequestCount(page)).toBe(0);

    // 2. A crafted action call: the browser sends a legal 7-day range, rewritten to 8 days on the wire.
    await page.getByLabel('From', { exact: true }).fill(daysAgo(6));
    let crafted = 0;
    await page.route(/\/privacy\/[0-9a-f-]{36}$/, async (route) => {
      const req = route.request();
      if (req.method() === 'POST' && req.headers()['next-action'] && (req.postData() ?? '').includes(`"from":"${daysAgo(6)}"`)) {
        crafted++;
        await route.continue({ postData: (req.postData() ?? '').replace(`"from":"${daysAgo(6)}"`, `"from":"${daysAgo(7)}"`) });
        return;
      }
      await route.continue();
    });
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByTestId('lookup-error')).toHaveText('Some fields need attention.');
    await expect(page.locator('#field-from-error, #field-to-error').first()).toContainText('at most 7 days');
    expect(crafted).toBe(1);
    await page.unroute(/\/privacy\/[0-9a-f-]{36}$/);
    expect(await netcoreRequestCount(page)).toBe(0);
    await expect(page.getByTestId('window')).toHaveCount(0);

    // 3. Seven days, both channels: one window each, answered with the seeded activity.
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByTestId('progress-text')).toHaveText('2 of 2 windows answered');
    expect(await netcoreRequestCount(page)).toBe(2);
    const shown = await shownKeys(page);
    const expected = [...(await sandboxActivity(page.request, 'email', daysAgo(6), today())), ...(await sandboxActivity(page.request, 'sms', daysAgo(6), today()))];
    expect(expected.length).toBeGreaterThan(0);
    expect([...shown].sort()).toEqual([...expected].sort());
    await expect(page.getByTestId('total-count')).toHaveText(String(expected.length));
    await expect(page.getByTestId('coverage-statement')).toContainText('Windows answered: 2 of 2');
    await expect(page.getByTestId('case-status')).toHaveText('In progress');

    // 4. The contact is masked until revealed; the reveal is audited with the reference.
    const subject = page.getByTestId(`subject-${reference}`);
    await expect(subject.getByTestId('subject-email')).toHaveText('a••••••••u@example.com');
    await subject.getByRole('button', { name: `Reveal contact of ${reference}` }).click();
    await expect(subject.getByTestId('subject-email')).toHaveText(ANA.email);
    await expect(subject.getByTestId('subject-phone')).toHaveText(ANA.phone);

    const admin = await browser.newPage({ storageState: storageStateFor('admin') });
    await gotoHydrated(admin, `/admin/audit?q=${reference}`);
    const trail = admin.getByTestId('audit-table');
    for (const action of ['privacy.case.create', 'privacy.lookup.start', 'privacy.lookup.window', 'privacy.reveal']) await expect(trail).toContainText(action);
    await expect(trail).not.toContainText(ANA.email);
    await admin.close();
  });

  test('the case list is masked, filtered by status and searched by reference', async ({ page }) => {
    const reference = await openCase(page);
    await gotoHydrated(page, `/privacy?q=${reference}`);
    const rows = page.getByTestId('case-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(reference);
    await expect(rows.first()).toContainText('a••••••••u@example.com');
    await expect(rows.first()).not.toContainText(ANA.email);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await gotoHydrated(page, `/privacy?q=${reference}&status=closed`);
    await expect(page.getByTestId('case-row')).toHaveCount(0);
    await gotoHydrated(page, `/privacy?q=${reference}&status=open`);
    await expect(page.getByTestId('case-row')).toHaveCount(1);
  });
});
