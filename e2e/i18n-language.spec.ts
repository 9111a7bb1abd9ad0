/**
 * Issue 16: the console in Romanian and English. The e2e console's DEFAULT_LOCALE is en (the older journeys read
 * English); these journeys reach Romanian the ways staff do — the browser's language on a first visit, the
 * switcher on the sign-in page (kept by the tablet and saved for the person who signs in) — and check the
 * texts, a plural, lei, and axe in Romanian.
 *
 * Only the store hostess Elena (PIN 2468) ever saves a choice here; she ends every run with English saved, so
 * no other journey meets a Romanian console.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, gotoHydrated, resetSandbox, storageStateFor, test } from './fixtures';
import { CAMPAIGNS, PEOPLE, pickCampaign } from './loyalty-helpers';

const ELENA_PIN = '2468';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Romanian plural of "lead" (one / few / other), written out independently of the message files. */
function romanianLeads(n: number): string {
  const grouped = n.toLocaleString('ro-RO');
  if (n === 1) return '1 lead';
  const rest = n % 100;
  return n === 0 || (rest >= 1 && rest <= 19) ? `${grouped} lead-uri` : `${grouped} de lead-uri`;
}

async function signInWithRomanianKeypad(page: Page, pin: string) {
  const keypad = page.getByRole('group', { name: 'Tastatură PIN' });
  for (const digit of pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Intră' }).click();
  await expect(page.getByTestId('whoami')).toBeVisible();
  await hydrated(page);
}

/** After a full page load (sign-in ends with one): React has attached its handlers. */
async function hydrated(page: Page) {
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
}

async function freshTablet(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

test('a browser preferring ro-RO gets the sign-in page in Romanian on its first visit; axe is clean', async ({ browser }) => {
  const { context, page } = await freshTablet(browser, 'ro-RO');
  await gotoHydrated(page, '/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await expect(page).toHaveTitle('Autentificare · Storedesk');
  await expect(page.getByLabel('Introdu PIN-ul')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Autentificare personal' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Limba' }).getByRole('button', { name: 'Română' })).toHaveAttribute('aria-pressed', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test('the switcher on the sign-in page: Romanian for the tablet and the person, through reload, sign-out and sign-in; English again from the header', async ({ browser }) => {
  const { context, page } = await freshTablet(browser, 'en-GB');
  await gotoHydrated(page, '/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Enter your PIN')).toBeVisible();

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Română' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await expect(page.getByLabel('Introdu PIN-ul')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Introdu PIN-ul')).toBeVisible();
  await hydrated(page);

  await signInWithRomanianKeypad(page, ELENA_PIN);
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('link', { name: 'Birou fidelitate' })).toBeVisible();
  await expect(page.getByTestId('whoami')).toContainText('Hostess');
  await nav.getByRole('link', { name: 'Birou fidelitate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Birou fidelitate' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verifică codul unui client' })).toBeVisible();
  await expect(page).toHaveTitle('Birou fidelitate · Storedesk');

  // Signed out: the tablet keeps Romanian; signed in again: still Romanian.
  await page.getByRole('button', { name: 'Ieșire' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ai ieșit din cont.' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await hydrated(page);
  await signInWithRomanianKeypad(page, ELENA_PIN);
  await expect(page.getByRole('button', { name: 'Ieșire' })).toBeVisible();

  // Another tablet whose browser prefers English: Elena's saved choice wins.
  const other = await freshTablet(browser, 'en-US');
  await gotoHydrated(other.page, '/login');
  await expect(other.page.getByLabel('Enter your PIN')).toBeVisible();
  await other.page.getByRole('tab', { name: 'Hostess PIN' }).click();
  for (const digit of ELENA_PIN) await other.page.getByRole('group', { name: 'PIN keypad' }).getByRole('button', { name: digit, exact: true }).click();
  await other.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.page.getByRole('button', { name: 'Ieșire' })).toBeVisible();
  await hydrated(other.page);

  // The header's switcher: English, saved for Elena (she ends the run in English) and for that tablet.
  await other.page.getByRole('group', { name: 'Limba' }).getByRole('button', { name: 'English' }).click();
  await expect(other.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(other.page.locator('html')).toHaveAttribute('lang', 'en');
  await other.page.reload();
  await expect(other.page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(other.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Loyalty desk' })).toBeVisible();
  await other.context.close();
  await context.close();
});

test.describe('manager, browser in Romanian', () => {
  test.use({ storageState: storageStateFor('manager'), locale: 'ro-RO' });

  test('loyalty check in Romanian (dates by language), pipeline count as a Romanian plural, offer values in lei; axe is clean', async ({ page }) => {
    await resetSandbox(page);
    await gotoHydrated(page, '/loyalty');
    await pickCampaign(page, CAMPAIGNS.family);
    await page.getByLabel('E-mailul clientului').fill(PEOPLE.mihai.email);
    await page.getByLabel('Telefonul clientului').fill(PEOPLE.mihai.phone);
    await page.getByRole('button', { name: 'Verifică codul' }).click();
    const card = page.getByTestId('code-card');
    await expect(card.getByTestId('code-value')).toHaveText('FAMMIH01');
    await expect(card.getByTestId('code-status')).toHaveText('Gata de folosit');
    await expect(card.getByRole('button', { name: 'Acordă premiul' })).toBeVisible();
    // A Romanian month name in the code's dates ("12 iun. 2026", "03 dec. 2026", …).
    await expect(card).toContainText(/\d{2} (ian|feb|mar|apr|mai|iun|iul|aug|sept|oct|nov|dec)\.? \d{4}/);
    expect(await seriousViolations(page)).toEqual([]);

    await gotoHydrated(page, '/leads');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
    const total = page.getByTestId('pipeline-total');
    await expect(total).toHaveText(/lead/);
    const n = Number((await total.textContent())!.replace(/\D/g, ''));
    await expect(total).toHaveText(romanianLeads(n));
    // Offer values in lei, Romanian grouping: "Valoarea ofertelor: 12.500 lei".
    const values = await page.getByTestId('column-value').allTextContents();
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v.replace(/\u00a0/g, ' ')).toMatch(/^Valoarea ofertelor: \d{1,3}(\.\d{3})*(,\d{2})? lei$/);
    expect(values.some((v) => /\d\.\d{3}/.test(v))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
