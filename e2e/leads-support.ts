/** Shared steps of the pipeline journeys (e2e/leads-*.spec.ts). */
import type { APIRequestContext, Page } from '@playwright/test';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '../lib/sandbox/demo-staff';
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, gotoHydrated, resetSandbox, signInAs } from './fixtures';

/** A lead as the Footprints sandbox lists it (read with the sandbox's own client credentials). */
/** A console (client-credentials) token from the Footprints sandbox, for the helpers below. */
async function consoleToken(request: APIRequestContext): Promise<string> {
  const basic = Buffer.from(`${SANDBOX_FOOTPRINTS_KEY}:${SANDBOX_FOOTPRINTS_SECRET}`).toString('base64');
  const tokenRes = await request.post('/sandbox/footprints/api/token', { headers: { authorization: `Basic ${basic}` }, form: { grant_type: 'client_credentials' } });
  return ((await tokenRes.json()) as { access_token: string }).access_token;
}

export async function vendorLead(request: APIRequestContext, id: string): Promise<Record<string, unknown>> {
  const access_token = await consoleToken(request);
  // Tomorrow (UTC): a lead added just now is listed whatever the hour and the sandbox's zone for endDate.
  const end = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const res = await request.get(`/sandbox/footprints/api/lead?access_token=${access_token}&startDate=2020-01-01&endDate=${end}&pageSize=1000&page=1`);
  const leads = (await res.json()) as Record<string, unknown>[];
  const lead = leads.find((l) => l._id === id);
  if (!lead) throw new Error(`lead ${id} not listed by the sandbox`);
  return lead;
}

/** Sandbox back to its seed, a manager signed in, the pipeline refreshed from Footprints with `query`. */
export async function freshPipeline(page: Page, query: string): Promise<void> {
  await resetSandbox(page);
  await signInAs(page, 'manager');
  await gotoHydrated(page, `/leads?${query}`);
  await refreshFromFootprints(page);
}

/**
 * "Refresh from Footprints", then waits for this refresh's own "Synced" toast (said once the board shows the
 * synced rows). A toast of an earlier refresh stays 5 s: waiting on it while it is still up let a journey go
 * on before its new leads were synced (CI, leads-names), so the earlier one must have gone first.
 */
export async function refreshFromFootprints(page: Page): Promise<void> {
  const synced = page.getByRole('status').filter({ hasText: /Synced \d+ leads/ });
  await expect(synced).toHaveCount(0, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Refresh from Footprints' }).click();
  await expect(synced).toBeVisible({ timeout: 30_000 });
}

/** Adds a complete lead (so that Footprints lists it) straight at the Footprints sandbox; returns its id. */
export async function addVendorLead(request: APIRequestContext, person: { first: string; last: string; email: string }): Promise<string> {
  const access_token = await consoleToken(request);
  const res = await request.post(`/sandbox/footprints/api/lead?access_token=${access_token}`, {
    form: {
      userFirstName: person.first,
      userLastName: person.last,
      userEmail: person.email,
      locationId: FOOTPRINTS_DEMO.locationIds[0],
      offerId: FOOTPRINTS_DEMO.offerIds[0],
      consultantId: FOOTPRINTS_DEMO.consultantIds[0],
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ((await res.json()) as { _id: string })._id;
}

/** Sets a lead's status straight at the Footprints sandbox (a lead of a journey's own, put where the journey starts). */
export async function setVendorLeadStatus(request: APIRequestContext, id: string, status: string): Promise<void> {
  const access_token = await consoleToken(request);
  const res = await request.put(`/sandbox/footprints/api/lead/${id}?access_token=${access_token}`, { form: { status } });
  expect(res.ok(), await res.text()).toBeTruthy();
}
