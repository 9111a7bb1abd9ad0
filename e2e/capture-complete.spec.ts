/**
 * Journey: a hostess captures a complete lead. It reaches the Footprints sandbox with every field she
 * entered; the hostess sees "Sent" with the lead id; the follow-ups arrive exactly when they should: the
 * Netcore contact (e-mail consent given), one Netcore activity upload, and the loyalty SURVEY_RESPONSE for
 * the NPS on the lead.
 */
import { expect, gotoHydrated, signInAs, storageStateFor, test, uniquePhone } from './fixtures';
import { captureResult, clearFaults, clearRequests, footprintsLeadsByEmail, openCaptureSections, sandboxRequests, uniqueEmail, NOTHING_MORE_MS } from './capture-support';

test('a complete capture reaches Footprints with every entered field, and its follow-ups arrive', async ({ page, request, browser }) => {
  // The follow-ups, then a whole gathering window plus a retry of quiet, then the audit: sized for a loaded machine.
  test.setTimeout(150_000);
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await clearRequests(request);
  const email = uniqueEmail('complete');
  // Unique per run, like the e-mail: the second pass's Ana must not meet the first pass's as a possible duplicate.
  const phone = `+40 ${uniquePhone().slice(1)}`;

  await page.getByLabel('First name', { exact: true }).fill('Ana');
  await page.getByLabel('Last name', { exact: true }).fill('Popescu');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Phone', { exact: true }).fill(phone);
  await openCaptureSections(page);
  await page.getByLabel('Sex', { exact: true }).selectOption('female');
  await page.getByLabel('Birthday', { exact: true }).fill('1990-05-17');
  await page.getByLabel('Location', { exact: true }).selectOption({ label: 'Storedesk Cluj Iulius' });
  await page.getByLabel('Offer category', { exact: true }).selectOption({ label: 'Kitchen appliances' });
  // The offers follow the category.
  await expect(page.getByLabel('Offer', { exact: true }).locator('option', { hasText: 'OLED TV' })).toHaveCount(0);
  await page.getByLabel('Offer', { exact: true }).selectOption({ label: 'Built-in oven' });
  await page.getByLabel('Offline campaign', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'Recommendation' });
  await page.getByLabel('Consultant', { exact: true }).selectOption({ label: 'Laura Petrescu' });
  await page.getByLabel('City', { exact: true }).fill('Cluj-Napoca');
  await page.getByLabel('County', { exact: true }).fill('Cluj');
  await page.getByLabel('Country', { exact: true }).fill('Romania');
  await page.getByLabel('Address', { exact: true }).fill('Str. Memorandumului 1');
  await page.getByLabel('Family', { exact: true }).selectOption('married');
  await page.getByLabel('Children', { exact: true }).fill('2');
  await page.getByLabel('Industry', { exact: true }).fill('IT');
  await page.getByLabel('Company', { exact: true }).fill('Acme SRL');
  await page.getByLabel('Company address', { exact: true }).fill('Str. Fabricii 2');
  await page.getByLabel('Job title', { exact: true }).fill('Engineer');
  await page.getByLabel('Job description', { exact: true }).fill('Builds things');
  await page.getByLabel('Monthly income', { exact: true }).fill('5200');
  await page.getByLabel('NPS (0–10)').fill('9');
  await page.getByLabel('Tags', { exact: true }).fill('vip, kitchen');
  await page.getByLabel('Comments', { exact: true }).fill('Wants a demo of the oven');
  await page.getByLabel(/agree to the Terms & Conditions/).check();
  await page.getByLabel(/agree to the Privacy Policy/).check();
  await page.getByLabel(/18 years of age or older/).check();
  await page.getByLabel(/personalised messages/).check();
  await page.getByLabel('Offers by e-mail').check();
  await page.getByLabel('Offers by direct mail (post)').check();

  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText(/Sent — Footprints lead [0-9a-f]{24}/);
  const leadId = (await captureResult(page).textContent())!.match(/[0-9a-f]{24}/)![0];

  // The form is empty again for the next customer; the tablet keeps its location.
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Location', { exact: true })).toHaveValue(/.+/);

  const leads = await footprintsLeadsByEmail(request, email);
  expect(leads).toHaveLength(1);
  const lead = leads[0];
  expect(lead._id).toBe(leadId);
  expect(lead).toMatchObject({
    userFirstName: 'Ana',
    userLastName: 'Popescu',
    userEmail: email,
    userPhone: phone,
    userSex: 'female',
    userBirthday: '1990-05-17',
    userCity: 'Cluj-Napoca',
    userCounty: 'Cluj',
    userCountry: 'Romania',
    userAddress: 'Str. Memorandumului 1',
    userFamilyDetails: 'married',
    userChildren: 2,
    userIndustry: 'IT',
    userCompanyName: 'Acme SRL',
    userCompanyAddress: 'Str. Fabricii 2',
    userJob: 'Engineer',
    userJobDescription: 'Builds things',
    userComments: 'Wants a demo of the oven',
    offerCategory: 'Kitchen appliances',
    offer: { name: 'Built-in oven' },
    consultant: { name: 'Laura Petrescu' },
    nps: 9,
    tags: ['vip', 'kitchen'],
    agreeTandc: true,
    agreePrivacy: true,
    isAdult: true,
    agreedTargetedMessages: true,
  });
  expect(String(lead.userIncome)).toBe('5200');
  expect(lead.locationId).toBeTruthy();
  expect(lead.offlineCampaignId).toBeTruthy();
  expect(lead.channelId).toBeTruthy();
  expect(lead.marketingChannels).toEqual([
    { channel: 'sms', type: 'owner', agreed: false },
    { channel: 'email', type: 'owner', agreed: true },
    { channel: 'notification', type: 'owner', agreed: false },
    { channel: 'dm', type: 'owner', agreed: true },
    { channel: 'socialMedia', type: 'owner', agreed: false },
  ]);
  // createdAt was sent: the lead's time is the capture's (within a minute), not a default.
  expect(Math.abs(Date.parse(String(lead.createdAt)) - Date.now())).toBeLessThan(60_000);

  // Follow-ups: the Netcore contact (e-mail consent), one batched activity upload, the loyalty survey on this lead.
  await expect.poll(async () => (await sandboxRequests(request, 'netcore-activity', '', email)).filter((r) => r.method === 'POST' && r.status === 200).length, { timeout: 20_000 }).toBe(1);
  await expect.poll(async () => (await sandboxRequests(request, 'netcore-api', '', email)).filter((r) => r.method === 'POST' && r.status === 200).length, { timeout: 20_000 }).toBe(1);
  await expect
    .poll(async () => (await sandboxRequests(request, 'loyalty')).filter((r) => r.path.startsWith(`/client/users/${leadId}/activities/`) && r.status === 200).length, { timeout: 20_000 })
    .toBe(1);

  // My submissions today shows it as sent, with its lead id.
  await expect(page.getByTestId('my-submission').filter({ hasText: leadId })).toHaveAttribute('data-state', 'sent');
  await expect(page.getByTestId('my-submission').filter({ hasText: leadId })).toContainText('Ana P.');

  // Nothing arrives twice later on.
  await page.waitForTimeout(NOTHING_MORE_MS);
  expect((await sandboxRequests(request, 'netcore-activity', '', email)).filter((r) => r.method === 'POST').length).toBe(1);
  expect((await sandboxRequests(request, 'netcore-api', '', email)).filter((r) => r.method === 'POST').length).toBe(1);
  expect((await sandboxRequests(request, 'loyalty', '', leadId)).filter((r) => r.path.startsWith(`/client/users/${leadId}/activities/`)).length).toBe(1);
  expect((await footprintsLeadsByEmail(request, email)).length).toBe(1);

  // The capture is in the audit trail, with the lead id and without the customer's personal data.
  const admin = await browser.newPage({ storageState: storageStateFor('admin') });
  await gotoHydrated(admin, '/admin/audit?action=capture.submit');
  const entry = admin.getByTestId('audit-table').locator('tbody tr').filter({ hasText: leadId });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('success');
  await expect(entry).not.toContainText(email);
  await admin.close();
});
