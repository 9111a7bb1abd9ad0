/**
 * Journey: follow-ups arrive only when they should. A lead without e-mail/SMS consent and without an NPS
 * causes no Netcore contact and no loyalty activity — only the "Lead Captured" activity upload; SMS consent
 * with an e-mail adds the contact.
 */
import { expect, gotoHydrated, signInAs, test } from './fixtures';
import { captureResult, clearFaults, clearRequests, fillRequired, footprintsLeadsByEmail, NOTHING_MORE_MS, sandboxRequests, uniqueEmail } from './capture-support';

test('no marketing consent and no NPS: no Netcore contact, no loyalty activity, one activity upload', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await clearRequests(request);
  const email = uniqueEmail('plain');
  await fillRequired(page, { first: 'Dan', last: 'Tudor', email });
  // Channels other than e-mail and SMS do not make a Netcore contact.
  await page.getByLabel('Offers by app notification').check();
  await page.getByLabel('Offers on social media').check();
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  expect(await footprintsLeadsByEmail(request, email)).toHaveLength(0); // no location/offer/consultant: not in GET /api/lead
  const leadId = (await captureResult(page).textContent())!.match(/[0-9a-f]{24}/)![0];
  await expect.poll(async () => (await sandboxRequests(request, 'netcore-activity', '', email)).filter((r) => r.method === 'POST' && r.status === 200).length, { timeout: 20_000 }).toBe(1);
  await page.waitForTimeout(NOTHING_MORE_MS);
  expect((await sandboxRequests(request, 'netcore-activity', '', email)).filter((r) => r.method === 'POST')).toHaveLength(1);
  expect((await sandboxRequests(request, 'netcore-api', '', email)).filter((r) => r.method === 'POST')).toHaveLength(0);
  expect((await sandboxRequests(request, 'loyalty', '', leadId)).filter((r) => r.path.startsWith('/client/users/'))).toHaveLength(0);
  const leadPosts = (await sandboxRequests(request, 'footprints', '', email)).filter((r) => r.method === 'POST' && r.path === '/api/lead');
  expect(leadPosts).toHaveLength(1);
});

test('SMS consent with an e-mail makes the Netcore contact; still no loyalty activity without an NPS', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await clearRequests(request);
  const email = uniqueEmail('sms');
  await fillRequired(page, { first: 'Irina', last: 'Barbu', email });
  await page.getByLabel('Offers by SMS').check();
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  const leadId = (await captureResult(page).textContent())!.match(/[0-9a-f]{24}/)![0];
  await expect.poll(async () => (await sandboxRequests(request, 'netcore-api', '', email)).filter((r) => r.method === 'POST' && r.status === 200).length, { timeout: 20_000 }).toBe(1);
  await expect.poll(async () => (await sandboxRequests(request, 'netcore-activity', '', email)).filter((r) => r.method === 'POST' && r.status === 200).length, { timeout: 20_000 }).toBe(1);
  await page.waitForTimeout(NOTHING_MORE_MS);
  expect((await sandboxRequests(request, 'netcore-api', '', email)).filter((r) => r.method === 'POST')).toHaveLength(1);
  expect((await sandboxRequests(request, 'loyalty', '', leadId)).filter((r) => r.path.startsWith('/client/users/'))).toHaveLength(0);
});
