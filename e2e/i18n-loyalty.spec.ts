/**
 * Issue 16: the sign-in page and the loyalty desk (check, refusals, the codes list and its CSV) in Romanian AND
 * in English, reached as staff reach a language: the browser's Accept-Language on a first visit (Playwright's
 * `locale`) and the switcher, kept through reloads. axe is clean in both. (e2e/i18n-language.spec.ts covers the
 * saved choice of a person; nobody here saves one: only the tablet's cookie is set.)
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { expect, gotoHydrated, resetSandbox, storageStateFor, test } from './fixtures';
import { CAMPAIGNS, PEOPLE, pickCampaign } from './loyalty-helpers';

async function seriousViolations(page: Page): Promise<string[]> {
  // The kit's buttons fade their colours (transition-colors): a pager button just enabled by a search is read
  // half-way from its disabled grey, which axe counts as low contrast (seen once in a shuffled CI pass). Read settled colours.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function csvLines(download: Download): Promise<string[]> {
  const raw = await readFile((await download.path())!);
  return raw.toString('utf8').slice(1).trimEnd().split('\r\n');
}

/** Romanian plural of "cod" for n ≥ 2: "19 coduri", "20 de coduri", "101 coduri". */
const roCodes = (n: number) => (n % 100 >= 1 && n % 100 <= 19 ? `${n} coduri` : `${n} de coduri`);

/** The words each language shows, written out here (not read from the message files). */
const WORDS = {
  ro: {
    lang: 'ro',
    signInTitle: 'Autentificare · Storedesk',
    pin: 'Introdu PIN-ul',
    language: 'Limba',
    email: 'E-mailul clientului',
    phone: 'Telefonul clientului',
    check: 'Verifică codul',
    emailMissing: 'Scrie e-mailul clientului',
    phoneMissing: 'Scrie telefonul clientului',
    blocked: /^Acest cod este blocat \(din .+\) și nu poate fi folosit\.$/,
    expired: 'Acest cod a expirat și nu mai poate fi folosit.',
    codesTitle: 'Coduri de fidelitate · Storedesk',
    codesHeading: 'Coduri de fidelitate',
    campaign: 'Campanie',
    search: 'Caută',
    summary: /^Codurile 1–20 din (\d+)$/,
    exportCsv: 'Exportă CSV',
    dialog: 'Exportă codurile în CSV',
    count: (n: number) => `Se descarcă ${roCodes(n)} din Spring Rewards, cu numele, e-mailurile și telefoanele clienților.`,
    download: (n: number) => `Descarcă ${roCodes(n)}`,
    keys: 'Nume de coloane pentru programe (chei în engleză)',
    header: 'Cod,ID campanie,Campanie,Stare,Premiu,Puncte premiu,Prenume,Nume,E-mail,Telefon,Alocat de',
    ready: 'Gata de folosit',
    exported: (n: number) => `S-au exportat ${roCodes(n)}.`,
  },
  en: {
    lang: 'en',
    signInTitle: 'Sign in · Storedesk',
    pin: 'Enter your PIN',
    language: 'Language',
    email: 'Customer e-mail',
    phone: 'Customer phone',
    check: 'Check code',
    emailMissing: 'Enter the customer’s e-mail',
    phoneMissing: 'Enter the customer’s phone',
    blocked: /^This code is blocked \(since .+\) and cannot be used\.$/,
    expired: 'This code has expired and can no longer be redeemed.',
    codesTitle: 'Loyalty codes · Storedesk',
    codesHeading: 'Loyalty codes',
    campaign: 'Campaign',
    search: 'Search',
    summary: /^Codes 1–20 of (\d+)$/,
    exportCsv: 'Export CSV',
    dialog: 'Export codes as CSV',
    count: (n: number) => `${n} codes of Spring Rewards will be downloaded, with the customers’ names, e-mails and phones.`,
    download: (n: number) => `Download ${n} codes`,
    keys: 'Column names for programs (English keys)',
    header: 'Code,Campaign ID,Campaign,Status,Prize,Prize points,First name,Last name,E-mail,Phone,Allocated by',
    ready: 'Ready to redeem',
    exported: (n: number) => `Exported ${n} codes.`,
  },
} as const;

const MACHINE_HEADER = 'code,campaign_id,campaign,status,prize,prize_points,first_name,last_name,email,phone,allocated_by';

test('sign-in page: English for an English browser, Romanian after the switcher, each kept through a reload; axe clean in both', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await gotoHydrated(page, '/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle(WORDS.en.signInTitle);
    await expect(page.getByLabel(WORDS.en.pin)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('group', { name: WORDS.en.language }).getByRole('button', { name: 'Română' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
    await page.reload();
    await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
    await expect(page).toHaveTitle(WORDS.ro.signInTitle);
    await expect(page.getByLabel(WORDS.ro.pin)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // And back: the tablet's choice beats the browser's language either way.
    await page.getByRole('group', { name: WORDS.ro.language }).getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByLabel(WORDS.en.pin)).toBeVisible();
  } finally {
    await context.close();
  }
});

for (const [locale, browserLocale] of [
  ['ro', 'ro-RO'],
  ['en', 'en-GB'],
] as const) {
  const w = WORDS[locale];
  test.describe(`manager, browser in ${browserLocale}`, () => {
    test.use({ storageState: storageStateFor('manager'), locale: browserLocale });

    test(`loyalty check and its refusals in ${locale}; axe clean`, async ({ page }) => {
      await resetSandbox(page);
      await gotoHydrated(page, '/loyalty');
      await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
      await pickCampaign(page, CAMPAIGNS.spring);
      // Validation in the language of the page (the schema's own sentences).
      await page.getByRole('button', { name: w.check }).click();
      await expect(page.getByTestId('error-email')).toHaveText(w.emailMissing);
      await expect(page.getByTestId('error-phone')).toHaveText(w.phoneMissing);

      await page.getByLabel(w.email).fill(PEOPLE.elena.email);
      await page.getByLabel(w.phone).fill(PEOPLE.elena.phone);
      await page.getByRole('button', { name: w.check }).click();
      await expect(page.getByTestId('code-value')).toHaveText('SPRELE01');
      await expect(page.getByTestId('code-notice')).toHaveText(w.blocked);
      expect(await seriousViolations(page)).toEqual([]);

      await pickCampaign(page, CAMPAIGNS.flash);
      await page.getByLabel(w.email).fill(PEOPLE.ana.email);
      await page.getByLabel(w.phone).fill(PEOPLE.ana.phone);
      await page.getByRole('button', { name: w.check }).click();
      await expect(page.getByTestId('code-value')).toHaveText('FLSANA01');
      await expect(page.getByTestId('code-notice')).toHaveText(w.expired);
    });

    test(`codes list and its CSV in ${locale}: the person's column names, or the stable English keys; axe clean`, async ({ page }) => {
      await resetSandbox(page);
      await gotoHydrated(page, '/loyalty/codes');
      await expect(page).toHaveTitle(w.codesTitle);
      await expect(page.getByRole('heading', { level: 1, name: w.codesHeading })).toBeVisible();
      await page.getByLabel(w.campaign).selectOption(CAMPAIGNS.spring);
      await page.getByRole('button', { name: w.search }).click();
      const summary = page.getByTestId('codes-summary');
      await expect(summary).toHaveText(w.summary);
      expect(await seriousViolations(page)).toEqual([]);
      const total = Number((await summary.textContent())!.match(w.summary)![1]);
      expect(total).toBeGreaterThan(20);

      await page.getByRole('button', { name: w.exportCsv }).click();
      const dialog = page.getByRole('dialog', { name: w.dialog });
      await expect(dialog.getByTestId('export-count')).toHaveText(w.count(total));
      expect(await seriousViolations(page)).toEqual([]);
      const words = page.waitForEvent('download');
      await dialog.getByRole('button', { name: w.download(total) }).click();
      const lines = await csvLines(await words);
      expect(lines[0]).toBe(w.header);
      expect(lines.find((l) => l.startsWith('SPRANA01,'))).toMatch(new RegExp(`^SPRANA01,sdspring01a,Spring Rewards,${w.ready},`));
      await expect(page.getByTestId('toast').filter({ hasText: w.exported(total) })).toBeVisible();

      // The machine-readable file: the same whatever the language.
      await page.getByRole('button', { name: w.exportCsv }).click();
      await dialog.getByLabel(w.keys).check();
      const keys = page.waitForEvent('download');
      await dialog.getByRole('button', { name: w.download(total) }).click();
      const machine = await csvLines(await keys);
      expect(machine[0]).toBe(MACHINE_HEADER);
      expect(machine.find((l) => l.startsWith('SPRANA01,'))).toMatch(/^SPRANA01,sdspring01a,Spring Rewards,Ready to redeem,/);
      expect(machine).toHaveLength(lines.length);
    });
  });
}
