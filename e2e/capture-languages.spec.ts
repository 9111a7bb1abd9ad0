/**
 * Issue 16: the hostess capture desk in Romanian and in English. The hostess's language is set as a person sets
 * it — here the browser's Accept-Language (the Playwright context's `locale`), so no choice is saved for anyone
 * and the other journeys keep their English console. Each capture's consent proof, as a manager reads it on the
 * lead, names the language the customer was read and that language's wording version; axe is clean in both.
 * The consent's language can also be switched for the customer in front of the hostess.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { DEMO, expect, gotoHydrated, signInAs, test, uniqueFirstName, uniquePhone } from './fixtures';
import { captureResult, clearFaults, uniqueEmail } from './capture-support';
import { CONSENT_WORDINGS } from '../lib/capture/consent-wording';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A hostess on a fresh tablet whose browser prefers `locale`, signed in with the keypad of that language. */
async function hostessTablet(browser: Browser, locale: 'ro-RO' | 'en-GB', keypad: { group: string; submit: string }) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await gotoHydrated(page, '/login');
  const pad = page.getByRole('group', { name: keypad.group });
  for (const digit of DEMO.hostessPin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: keypad.submit }).click();
  await expect(page.getByTestId('whoami')).toBeVisible();
  await gotoHydrated(page, '/capture');
  return { context, page };
}

/** The Footprints lead id of the capture just sent. */
async function sentLeadId(page: Page, sent: RegExp): Promise<string> {
  await expect(captureResult(page)).toContainText(sent, { timeout: 30_000 });
  const id = /([0-9a-f]{24})/.exec((await captureResult(page).textContent()) ?? '')?.[1];
  expect(id).toBeTruthy();
  return id!;
}

/** The consent proof's wording line on the lead page, as a manager reads it. */
async function proofWording(browser: Browser, leadId: string): Promise<string> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const manager = await context.newPage();
  await signInAs(manager, 'manager');
  await gotoHydrated(manager, `/leads/${leadId}`);
  const line = (await manager.getByTestId('consent-wording-version').textContent()) ?? '';
  await context.close();
  return line.replace(/\s+/g, ' ').trim();
}

test.beforeEach(async ({ request }) => {
  await clearFaults(request);
});

test('in Romanian: the desk speaks Romanian, the consent is read in Romanian and its proof says so; axe is clean', async ({ browser }) => {
  const { context, page } = await hostessTablet(browser, 'ro-RO', { group: 'Tastatură PIN', submit: 'Intră' });
  const ro = CONSENT_WORDINGS.ro;
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await expect(page).toHaveTitle('Înregistrare lead-uri · Storedesk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Înregistrează un lead');
  await expect(page.getByRole('heading', { name: 'Înregistrările mele de azi' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Salvează lead-ul' })).toBeVisible();
  await expect(page.getByText('Magazin și ofertă')).toBeVisible();
  // The consent in the staff member's language by default, its version named.
  await expect(page.getByRole('radiogroup', { name: 'Limba clientului' }).getByRole('radio', { name: 'Română' })).toBeChecked();
  await expect(page.getByTestId('consent-wording')).toHaveAttribute('lang', 'ro');
  await expect(page.locator('#consent-version')).toContainText(`Versiunea textului acordului: ${ro.version}`);
  await expect(page.getByRole('checkbox', { name: ro.terms })).toBeVisible();
  await expect(page.getByRole('group', { name: ro.marketingIntro })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A Save with nothing filled: the errors and the focus, still axe-clean.
  await page.getByRole('button', { name: 'Salvează lead-ul' }).click();
  await expect(page.getByTestId('error-firstName')).toHaveText('Completați prenumele');
  await expect(page.getByTestId('error-email')).toHaveText('Introduceți o adresă de e-mail sau un număr de telefon');
  await expect(page.getByTestId('error-agreeTerms')).toHaveText('Clientul trebuie să fie de acord cu Termenii și condițiile');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Prenume', { exact: true }).fill(uniqueFirstName('Ioana'));
  await page.getByLabel('Nume', { exact: true }).fill('Marin');
  await page.getByLabel('E-mail', { exact: true }).fill(uniqueEmail('ro-capture'));
  await page.getByLabel('Telefon', { exact: true }).fill(uniquePhone());
  await page.getByRole('checkbox', { name: ro.terms }).check();
  await page.getByRole('checkbox', { name: ro.privacy }).check();
  await page.getByRole('checkbox', { name: ro.adult }).check();
  await page.getByRole('button', { name: 'Salvează lead-ul' }).click();
  const leadId = await sentLeadId(page, /Trimis — lead Footprints [0-9a-f]{24}/);
  await expect(page.getByTestId('my-submission').first()).toContainText('Trimis');
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();

  expect(await proofWording(browser, leadId)).toBe(`${ro.version} · Română`);
});

test('in English: the desk speaks English and the proof records English; axe is clean', async ({ browser }) => {
  const { context, page } = await hostessTablet(browser, 'en-GB', { group: 'PIN keypad', submit: 'Sign in' });
  const en = CONSENT_WORDINGS.en;
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Lead capture · Storedesk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Capture a lead');
  await expect(page.getByRole('heading', { name: 'My submissions today' })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: "The customer's language" }).getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(page.getByTestId('consent-wording')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#consent-version')).toContainText(`Consent wording version ${en.version}`);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('First name', { exact: true }).fill(uniqueFirstName('Anne'));
  await page.getByLabel('Last name', { exact: true }).fill('Smith');
  await page.getByLabel('E-mail', { exact: true }).fill(uniqueEmail('en-capture'));
  await page.getByLabel('Phone', { exact: true }).fill(uniquePhone());
  await page.getByRole('checkbox', { name: en.terms }).check();
  await page.getByRole('checkbox', { name: en.privacy }).check();
  await page.getByRole('button', { name: 'Save lead' }).click();
  const leadId = await sentLeadId(page, /Sent — Footprints lead [0-9a-f]{24}/);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();

  expect(await proofWording(browser, leadId)).toBe(`${en.version} · English`);
});

test('an English-speaking hostess reads the consent to a Romanian customer: the proof records Romanian', async ({ browser }) => {
  const { context, page } = await hostessTablet(browser, 'en-GB', { group: 'PIN keypad', submit: 'Sign in' });
  const { en, ro } = CONSENT_WORDINGS;
  await page.getByLabel('First name', { exact: true }).fill(uniqueFirstName('Mihai'));
  await page.getByLabel('Last name', { exact: true }).fill('Pop');
  await page.getByLabel('E-mail', { exact: true }).fill(uniqueEmail('switch-capture'));
  await page.getByRole('checkbox', { name: en.terms }).check();

  // The switch, by keyboard: the wording changes language, and what was ticked on the English text is cleared.
  const language = page.getByRole('radiogroup', { name: "The customer's language" });
  await language.getByRole('radio', { name: 'English' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(language.getByRole('radio', { name: 'Română' })).toBeChecked();
  await expect(page.getByTestId('consent-wording')).toHaveAttribute('lang', 'ro');
  await expect(page.locator('#consent-version')).toContainText(`Read to the customer in Română. Consent wording version ${ro.version}.`);
  await expect(page.getByRole('checkbox', { name: ro.terms })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: en.terms })).toHaveCount(0);
  // The rest of the screen stays in the hostess's language.
  await expect(page.getByRole('button', { name: 'Save lead' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('checkbox', { name: ro.terms }).check();
  await page.getByRole('checkbox', { name: ro.privacy }).check();
  await page.getByRole('button', { name: 'Save lead' }).click();
  const leadId = await sentLeadId(page, /Sent — Footprints lead [0-9a-f]{24}/);
  // The next customer's form is back in the hostess's language.
  await expect(language.getByRole('radio', { name: 'English' })).toBeChecked();
  await context.close();

  expect(await proofWording(browser, leadId)).toBe(`${ro.version} · Română`);
});
