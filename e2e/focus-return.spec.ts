/**
 * Journeys (issue 19.19, 19.1): after Escape or a confirm, focus goes back to the control that opened a
 * dialog or to what it produced — never to the page body. Loyalty redeem/block, the board's contract
 * dialog, the sign-out warning (Escape closes it too), the privacy Reveal, a lookup window's Retry, the own
 * admin-role confirmation; and the 404 page has exactly one `main` landmark.
 */
import type { Page } from '@playwright/test';
import { addDays, formatIsoDate, isoToDdmmyyyy, parseIsoDate } from '../lib/vendors/netcore/window-rule';
import { todayInZone } from '../lib/dates';
import { captureResult, clearFaults, fillRequired, setFaults, uniqueEmail } from './capture-support';
import { DEMO, expect, gotoHydrated, resetSandbox, signInAs, signInWithPassword, test } from './fixtures';
import { addVendorLead, freshPipeline, refreshFromFootprints } from './leads-support';
import { CAMPAIGNS, PEOPLE, checkCode, pickCampaign } from './loyalty-helpers';

// Each journey signs in itself (a sandbox reset forgets the tokens Footprints issued).
test.use({ storageState: { cookies: [], origins: [] } });

/** What has focus, described: never the page body. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.id ?? el.tagName;
  });

test('loyalty: Escape on the redeem dialog → Redeem; redeem confirmed → the result; block confirmed → the code card', async ({ page }) => {
  await resetSandbox(page);
  await signInAs(page, 'manager');
  await gotoHydrated(page, '/loyalty');
  // A code no other journey redeems: the console sends a redeemed code's check-in and Netcore activity once ever
  // (its key is campaign + code), and loyalty-redeem counts those calls for Ana's spring code.
  await pickCampaign(page, CAMPAIGNS.family);
  await checkCode(page, PEOPLE.elena);
  const card = page.getByTestId('code-card');
  const redeem = card.getByRole('button', { name: 'Redeem' });
  await redeem.click();
  const dialog = page.getByRole('dialog', { name: 'Redeem this code?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(redeem).toBeFocused();

  await redeem.click();
  await dialog.getByRole('button', { name: 'Redeem FAMELE01' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('redemption-result')).toBeFocused();

  await pickCampaign(page, CAMPAIGNS.spring);
  await checkCode(page, PEOPLE.radu);
  await expect(card.getByTestId('code-value')).toHaveText('SPRRAD01');
  const blockButton = card.getByRole('button', { name: 'Block…' });
  await blockButton.click();
  const block = page.getByRole('dialog', { name: 'Block this code?' });
  await page.keyboard.press('Escape');
  await expect(block).toHaveCount(0);
  await expect(blockButton).toBeFocused();
  await blockButton.click();
  await block.getByLabel('Suspected abuse').check();
  await block.getByRole('button', { name: /^Block / }).click();
  await expect(block).toHaveCount(0);
  await expect(card.getByTestId('code-status')).toHaveText('Blocked');
  await expect(card).toBeFocused();
});

test("board: the contract dialog's Escape and confirm return focus to the card's menu, where the card is now", async ({ page }) => {
  // A lead of its own (the demo leads belong to the pipeline journeys).
  const email = uniqueEmail('focus.board');
  await freshPipeline(page, `q=${email}`);
  const id = await addVendorLead(page.request, { first: 'Focus', last: 'Board', email });
  await refreshFromFootprints(page);
  const menu = page.locator(`[data-lead-id="${id}"] select`);
  const moveButton = page.locator(`[data-lead-id="${id}"]`).getByRole('button', { name: /^Move / });
  await expect(menu).toBeVisible();
  await expect(page.getByTestId('column-customer').locator(`[data-lead-id="${id}"]`)).toHaveCount(0);
  await menu.selectOption({ label: 'Customer' });
  await moveButton.click();
  const dialog = page.getByRole('dialog', { name: /to customer/ });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(menu).toBeFocused();

  await menu.selectOption({ label: 'Customer' });
  await moveButton.click();
  await dialog.getByLabel('Contract number').fill('SD-FOCUS-1');
  await dialog.getByLabel('Contract value').fill('1200');
  await dialog.getByLabel('Contract date').fill('2026-05-04');
  await dialog.getByLabel('Contract description').fill('Kitchen');
  await dialog.getByLabel(/Signed contract/).setInputFiles({ name: 'c.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n') });
  await dialog.getByRole('button', { name: 'Move to customer' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('column-customer').locator(`[data-lead-id="${id}"] select`)).toBeFocused();
});

test('sign-out warning: a modal alert dialog; Escape closes it, so does "Stay signed in"; focus back on Sign out', async ({ page, request }) => {
  test.setTimeout(90_000);
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await setFaults(request, { vendor: 'footprints', outage: true });
  try {
    await fillRequired(page, { first: 'Focus', last: 'Test', email: uniqueEmail('signout') });
    await page.getByRole('button', { name: 'Save lead' }).click();
    await expect(captureResult(page)).toContainText('Saved — will sync');

    const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
    await signOut.click();
    const warning = page.getByRole('alertdialog', { name: /still waiting to sync/ });
    await expect(warning).toBeVisible();
    await expect(warning).toHaveAttribute('aria-modal', 'true');
    await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(warning).toHaveCount(0);
    await expect(signOut).toBeFocused();

    await signOut.click();
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(warning).toHaveCount(0);
    await expect(signOut).toBeFocused();
    await expect(page).toHaveURL(/\/capture/);
  } finally {
    await clearFaults(request);
  }
});

test('privacy: Reveal puts focus on the revealed contact, Hide back on Reveal; a window Retry on the window', async ({ page }) => {
  test.setTimeout(120_000);
  await resetSandbox(page);
  await signInAs(page, 'support');
  await gotoHydrated(page, '/privacy');
  await page.getByLabel("Data subject's e-mail").fill(PEOPLE.ana.email);
  await page.getByLabel("Data subject's mobile").fill(PEOPLE.ana.phone);
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page).toHaveURL(/\/privacy\/[0-9a-f-]{36}$/);
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  const reference = ((await page.getByTestId('case-reference').textContent()) ?? '').trim();

  const subject = page.getByTestId(`subject-${reference}`);
  await subject.getByRole('button', { name: `Reveal contact of ${reference}` }).click();
  await expect(subject.getByTestId('subject-email')).toHaveText(PEOPLE.ana.email);
  await expect(subject.getByTestId('subject-contact')).toBeFocused();
  await subject.getByRole('button', { name: `Hide contact of ${reference}` }).click();
  await expect(subject.getByRole('button', { name: `Reveal contact of ${reference}` })).toBeFocused();

  // A lookup of one week whose window Netcore fails, then retried.
  const today = todayInZone('Europe/Bucharest');
  const from = formatIsoDate(addDays(parseIsoDate(today)!, -6));
  await page.getByRole('radio', { name: 'E-mail' }).check();
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(today);
  await page.request.post('/sandbox/_control/faults', { data: { vendor: 'netcore-api', failStatus: 500, match: `"from_date":"${isoToDdmmyyyy(from)}"` } });
  try {
    await page.getByRole('button', { name: 'Look up' }).click();
    const window = page.getByTestId('window').first();
    await expect(window).toHaveAttribute('data-state', 'failed');
    await page.request.post('/sandbox/_control/faults', { data: { vendor: 'netcore-api', failStatus: null, match: null } });
    await window.getByRole('button', { name: /^Retry / }).click();
    await expect(window).toHaveAttribute('data-state', 'answered');
    await expect(window).toBeFocused();
  } finally {
    await page.request.post('/sandbox/_control/faults', { data: { vendor: 'netcore-api', failStatus: null, match: null } });
  }
  expect(await focused(page)).not.toBe('body');
});

test('roles: removing one’s own admin role asks in a modal dialog; Escape keeps it and returns focus to the role menu', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The demo admin is an admin by configuration (no question for them): the newcomer is made an admin in
  // the console, signs in again, and removes their own role.
  const signInNewcomer = async () => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const newcomerPage = await context.newPage();
    await signInWithPassword(newcomerPage, DEMO.logins.newcomer.username, DEMO.logins.newcomer.password);
    await expect(newcomerPage).not.toHaveURL(/\/login/);
    return { context, page: newcomerPage };
  };
  const saveRole = async (p: Page, username: string, value: string) => {
    const row = p.getByTestId(`staff-row-${username}`);
    await row.getByRole('combobox').selectOption(value);
    await row.getByRole('button', { name: /^Save role of/ }).click();
  };
  await (await signInNewcomer()).context.close();
  await signInAs(page, 'admin');
  await gotoHydrated(page, '/admin/staff');
  await saveRole(page, 'newcomer', 'admin');
  await expect(page.getByTestId('staff-row-newcomer').getByRole('button', { name: /^Save role of/ })).toBeDisabled();
  const newcomer = await signInNewcomer();
  try {
    const me = newcomer.page;
    await gotoHydrated(me, '/admin/staff');
    const menu = me.getByTestId('staff-row-newcomer').getByRole('combobox');
    await expect(menu).toHaveValue('admin');
    await saveRole(me, 'newcomer', '');
    const confirm = me.getByRole('alertdialog', { name: 'Remove your own admin role?' });
    await expect(confirm).toBeVisible();
    await expect(confirm).toHaveAttribute('aria-modal', 'true');
    await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
    // Focus stays inside while it is open.
    for (let i = 0; i < 3; i++) await me.keyboard.press('Tab');
    expect(await confirm.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await me.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(menu).toBeFocused();
    await expect(menu).toHaveValue('admin');
  } finally {
    await newcomer.context.close();
    await gotoHydrated(page, '/admin/staff');
    await saveRole(page, 'newcomer', '');
    await expect(page.getByTestId('staff-row-newcomer').getByRole('button', { name: /^Save role of/ })).toBeDisabled();
  }
});

test('the 404 and 403 pages have exactly one main landmark, signed in or not', async ({ page }) => {
  await signInAs(page, 'manager');
  const denied = await page.goto('/admin/staff');
  expect(denied?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'This page is not part of your role' })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  for (const url of ['/leads/no-such-lead', '/no-such-page']) {
    const res = await page.goto(url);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'There is nothing at this address' })).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
  }
  await page.context().clearCookies();
  await page.goto('/no-such-page');
  await expect(page.getByRole('main')).toHaveCount(1);
});
