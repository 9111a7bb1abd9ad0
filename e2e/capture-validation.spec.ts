/** Journey: validation errors appear beside their fields, are announced with them, and never clear what was typed. */
import { expect, gotoHydrated, signInAs, test } from './fixtures';
import { clearFaults, clearRequests, openCaptureSections, sandboxRequests, uniqueEmail } from './capture-support';

test('errors beside the fields; the typed data stays; nothing is sent', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await clearRequests(request);

  await page.getByRole('button', { name: 'Save lead' }).click();
  const first = page.getByLabel('First name', { exact: true });
  await expect(page.getByTestId('error-firstName')).toHaveText('Enter the first name');
  await expect(page.getByTestId('error-lastName')).toHaveText('Enter the last name');
  await expect(page.getByTestId('error-email')).toHaveText('Enter an e-mail address or a phone number');
  await expect(page.getByTestId('error-phone')).toHaveText('Enter a phone number or an e-mail address');
  await expect(page.getByTestId('error-agreeTerms')).toHaveText('The customer must agree to the Terms & Conditions');
  await expect(page.getByTestId('error-agreePrivacy')).toHaveText('The customer must agree to the Privacy Policy');
  // Beside its field: the error is the field's description and the field is marked invalid.
  await expect(first).toHaveAttribute('aria-invalid', 'true');
  await expect(first).toHaveAccessibleDescription('Enter the first name');
  await expect(first).toBeFocused();

  await first.fill('Elena');
  await page.getByLabel('Last name', { exact: true }).fill('Stoica');
  await page.getByLabel('E-mail', { exact: true }).fill('elena@');
  await page.getByLabel('Phone', { exact: true }).fill('12ab');
  await openCaptureSections(page, ['More about the customer', 'Feedback']);
  await page.getByLabel('Birthday', { exact: true }).fill(`${new Date().getFullYear() + 1}-03-01`);
  await page.getByLabel('NPS (0–10)').fill('11');
  await page.getByLabel('Children', { exact: true }).fill('two');
  await page.getByLabel('City', { exact: true }).fill('Brasov');
  await page.getByRole('button', { name: 'Save lead' }).click();

  await expect(page.getByTestId('error-email')).toHaveText('Enter a valid e-mail address');
  await expect(page.getByTestId('error-phone')).toHaveText('Enter a valid phone number (6–15 digits)');
  await expect(page.getByTestId('error-birthday')).toHaveText('The birthday must be in the past');
  await expect(page.getByTestId('error-nps')).toHaveText('NPS is a whole number from 0 to 10');
  await expect(page.getByTestId('error-children')).toHaveText('A whole number from 0 to 30');
  await expect(page.getByTestId('error-firstName')).toHaveCount(0);
  await expect(page.getByLabel('NPS (0–10)')).toHaveAccessibleDescription(/NPS is a whole number from 0 to 10/);

  // Nothing typed was cleared by the errors.
  await expect(first).toHaveValue('Elena');
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('elena@');
  await expect(page.getByLabel('City', { exact: true })).toHaveValue('Brasov');
  await expect(page.getByLabel('NPS (0–10)')).toHaveValue('11');

  // Fixing a field clears its error as she types.
  await page.getByLabel('E-mail', { exact: true }).fill(uniqueEmail('elena'));
  await expect(page.getByTestId('error-email')).toHaveCount(0);
  expect((await sandboxRequests(request, 'footprints')).filter((r) => r.method === 'POST' && r.path === '/api/lead')).toHaveLength(0);
});
