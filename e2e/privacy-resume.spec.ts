/**
 * Support comes back to a case after a reload: the case still knows every window's state and count; the
 * rows were never stored, so "Resume" asks those windows again and the results come back. The Footprints
 * profile of the subject is fetched on the same case and goes into the JSON answer.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { addDays, formatIsoDate, parseIsoDate } from '../lib/vendors/netcore/window-rule';
import { todayInZone } from '../lib/dates';
import { expect, gotoHydrated, resetSandbox, signInAs, test } from './fixtures';

const today = () => todayInZone('Europe/Bucharest');
const daysAgo = (n: number) => formatIsoDate(addDays(parseIsoDate(today())!, -n));
const ELENA = { email: 'elena.dumitru@example.com', phone: '0722000003' };

async function netcoreRequestCount(page: Page): Promise<number> {
  const res = await page.request.get('/sandbox/_control/requests?vendor=netcore-api');
  return ((await res.json()) as { count: number }).count;
}

// A fresh sign-in after the reset: resetting the sandbox forgets the Footprints tokens it issued before.
test.use({ storageState: { cookies: [], origins: [] } });

test('after a reload the windows and counts are still there; resume asks them again; the profile joins the answer', async ({ page }) => {
  test.setTimeout(90_000);
  await resetSandbox(page);
  await signInAs(page, 'support');
  await gotoHydrated(page, '/privacy');
  await page.getByLabel("Data subject's e-mail").fill(ELENA.email);
  await page.getByLabel("Data subject's mobile").fill(ELENA.phone);
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page).toHaveURL(/\/privacy\/[0-9a-f-]{36}$/);
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();

  await page.getByRole('radio', { name: 'SMS' }).check();
  await page.getByLabel('From', { exact: true }).fill(daysAgo(14));
  await page.getByLabel('To', { exact: true }).fill(today());
  await page.getByRole('button', { name: 'Look up' }).click();
  await page.getByRole('button', { name: 'Split into 3 windows' }).click();
  await expect(page.getByTestId('progress-text')).toHaveText('3 of 3 windows answered');
  const total = Number(await page.getByTestId('total-count').textContent());
  expect(await netcoreRequestCount(page)).toBe(3);

  // Reload: the rows are gone (never stored), the windows' states and counts are not.
  await page.reload();
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  await expect(page.getByTestId('window')).toHaveCount(3);
  await expect(page.getByTestId('window').filter({ hasText: 'rows not in this browser' })).toHaveCount(3);
  await expect(page.getByTestId('activity-row')).toHaveCount(0);
  await expect(page.getByTestId('coverage-statement')).toContainText('Windows answered: 0 of 3');
  await expect(page.getByTestId('lookup-history')).toContainText('3 of 3 answered');
  await expect(page.getByTestId('lookup-history')).toContainText(String(total));

  await page.getByRole('button', { name: 'Resume (3 windows)' }).click();
  await expect(page.getByTestId('coverage-statement')).toContainText('Windows answered: 3 of 3');
  await expect(page.getByTestId('total-count')).toHaveText(String(total));
  expect(await netcoreRequestCount(page)).toBe(6);

  // The Footprints profile (e-mail + phone) is fetched and goes into the JSON answer.
  await page.getByRole('button', { name: 'Fetch Footprints profile' }).click();
  await expect(page.getByTestId('footprints-profile')).toContainText('Elena');
  await expect(page.getByTestId('footprints-profile')).toContainText('Dumitru');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  const doc = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    footprintsProfile: { found: boolean; record: { userEmail: string; userFirstName: string } };
    activities: unknown[];
  };
  expect(doc.footprintsProfile.found).toBe(true);
  expect(doc.footprintsProfile.record).toMatchObject({ userEmail: ELENA.email, userFirstName: 'Elena' });
  expect(doc.activities).toHaveLength(total);
});
