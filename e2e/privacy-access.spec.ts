/**
 * Hostesses and managers have no part in the privacy desk: its pages answer 403 and its actions — replayed
 * exactly as support's browser sent them, and the window route — are refused, with nothing sent to Netcore.
 */
import type { Page } from '@playwright/test';
import { addDays, formatIsoDate, parseIsoDate } from '../lib/vendors/netcore/window-rule';
import { todayInZone } from '../lib/dates';
import { expect, gotoHydrated, resetSandbox, storageStateFor, test, type DemoRole } from './fixtures';

const today = () => todayInZone('Europe/Bucharest');
const daysAgo = (n: number) => formatIsoDate(addDays(parseIsoDate(today())!, -n));

interface CapturedAction {
  id: string;
  body: string;
  contentType: string;
}

async function netcoreRequestCount(page: Page): Promise<number> {
  const res = await page.request.get('/sandbox/_control/requests?vendor=netcore-api');
  return ((await res.json()) as { count: number }).count;
}

test('a hostess and a manager cannot open the privacy pages or call their actions', async ({ browser, baseURL }) => {
  // Support opens a case and runs a lookup; the browser's real calls are recorded for replay.
  const support = await browser.newPage({ storageState: storageStateFor('support') });
  await resetSandbox(support);
  const actions: CapturedAction[] = [];
  const windowCalls: string[] = [];
  support.on('request', (req) => {
    const id = req.headers()['next-action'];
    if (req.method() === 'POST' && id) actions.push({ id, body: req.postData() ?? '', contentType: req.headers()['content-type'] ?? 'text/plain;charset=UTF-8' });
    if (req.method() === 'POST' && req.url().endsWith('/privacy/run-window')) windowCalls.push(req.postData() ?? '');
  });
  await gotoHydrated(support, '/privacy');
  await support.getByLabel("Data subject's e-mail").fill('mihai.ionescu@example.com');
  await support.getByRole('button', { name: 'Open case' }).click();
  await expect(support).toHaveURL(/\/privacy\/[0-9a-f-]{36}$/);
  const caseUrl = new URL(support.url()).pathname;
  await expect(support.locator('html[data-hydrated="true"]')).toBeAttached();
  await support.getByLabel('From', { exact: true }).fill(daysAgo(2));
  await support.getByLabel('To', { exact: true }).fill(today());
  await support.getByRole('button', { name: 'Look up' }).click();
  await expect(support.getByTestId('progress-text')).toHaveText('1 of 1 windows answered');
  const subject = support.getByTestId('subject-email');
  await expect(subject).not.toContainText('mihai.ionescu');
  await support.getByRole('button', { name: /^Reveal contact of/ }).click();
  await expect(subject).toHaveText('mihai.ionescu@example.com');
  const start = actions.find((a) => a.body.includes('"mode":"single"'));
  const reveal = actions.find((a) => /^\[\{"caseId":"[0-9a-f-]{36}"\}\]$/.test(a.body));
  expect(start, 'the start-lookup call was captured').toBeDefined();
  expect(reveal, 'the reveal call was captured').toBeDefined();
  expect(windowCalls).toHaveLength(1);
  const netcoreBefore = await netcoreRequestCount(support);
  expect(netcoreBefore).toBe(1);
  await support.close();

  for (const role of ['hostess', 'manager'] as DemoRole[]) {
    const page = await browser.newPage({ storageState: storageStateFor(role) });
    // The pages: the real 403 page, not a redirect or an empty shell.
    for (const url of ['/privacy', caseUrl, `${caseUrl}/report`]) {
      const res = await page.goto(url);
      expect(res?.status(), `${role} ${url}`).toBe(403);
    }
    await expect(page.getByRole('heading', { name: 'This page is not part of your role' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy desk' })).toHaveCount(0);

    // The server actions, replayed byte for byte with this role's cookie, from a page the role may open.
    for (const call of [start!, reveal!]) {
      const res = await page.request.post('/', {
        headers: { 'next-action': call.id, 'content-type': call.contentType, accept: 'text/x-component', origin: baseURL! },
        data: call.body,
      });
      const text = await res.text();
      expect(text, `${role} replaying ${call.body.slice(0, 40)}`).toContain('"code":"forbidden"');
      expect(text).not.toContain('mihai.ionescu');
      expect(text).not.toContain('"ok":true');
    }

    // The window route the browser uses for concurrent windows.
    const win = await page.request.post('/privacy/run-window', {
      headers: { 'content-type': 'application/json', origin: baseURL! },
      data: windowCalls[0],
    });
    expect(win.status()).toBe(403);
    expect(((await win.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    await page.close();
  }

  // Nothing reached Netcore on their behalf.
  const check = await browser.newPage({ storageState: storageStateFor('support') });
  expect(await netcoreRequestCount(check)).toBe(netcoreBefore);
  // A cross-site call with support's own cookie is refused too.
  const crossSite = await check.request.post('/privacy/run-window', {
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    data: windowCalls[0],
  });
  expect(crossSite.status()).toBe(403);
  expect(await netcoreRequestCount(check)).toBe(netcoreBefore);
  await check.close();
});
