/** Helpers of the capture journeys (e2e/capture*.spec.ts): sandbox control and reading what the simulators received. */
import type { APIRequestContext, Page } from '@playwright/test';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '../lib/sandbox/demo-staff';
import { expect } from './fixtures';

export type SandboxVendor = 'footprints' | 'netcore-api' | 'netcore-activity' | 'loyalty' | 'all';

export async function setFaults(request: APIRequestContext, body: { vendor: SandboxVendor } & Record<string, unknown>, origin = ''): Promise<void> {
  const res = await request.post(`${origin}/sandbox/_control/faults`, { data: body });
  expect(res.ok(), await res.text()).toBeTruthy();
}

export async function clearFaults(request: APIRequestContext, origin = ''): Promise<void> {
  await setFaults(request, { vendor: 'all', latencyMs: 0, errorRate: 0, outage: false, failStatus: null, failCount: null, match: null, cutRate: 0, cutCount: null }, origin);
}

export async function clearRequests(request: APIRequestContext, origin = ''): Promise<void> {
  const res = await request.delete(`${origin}/sandbox/_control/requests`);
  expect(res.ok()).toBeTruthy();
}

export interface RecordedRequest {
  vendor: string;
  method: string;
  path: string;
  status: number;
}

/**
 * What a simulator received; with `contains`, only requests whose path, query or body carried that text (a
 * journey's own unique e-mail or lead id), so another journey's background jobs never count.
 */
export async function sandboxRequests(request: APIRequestContext, vendor: Exclude<SandboxVendor, 'all'>, origin = '', contains?: string): Promise<RecordedRequest[]> {
  const query = new URLSearchParams({ vendor, ...(contains ? { contains } : {}) });
  const res = await request.get(`${origin}/sandbox/_control/requests?${query}`);
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { requests: RecordedRequest[] }).requests;
}

/** The Footprints sandbox's own answer (GET /api/lead) for leads with this e-mail: what Footprints holds. */
export async function footprintsLeadsByEmail(request: APIRequestContext, email: string, origin = ''): Promise<Record<string, unknown>[]> {
  const basic = Buffer.from(`${SANDBOX_FOOTPRINTS_KEY}:${SANDBOX_FOOTPRINTS_SECRET}`).toString('base64');
  const tokenRes = await request.post(`${origin}/sandbox/footprints/api/token`, {
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'grant_type=client_credentials',
  });
  expect(tokenRes.ok(), await tokenRes.text()).toBeTruthy();
  const token = ((await tokenRes.json()) as { access_token: string }).access_token;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const res = await request.get(`${origin}/sandbox/footprints/api/lead`, {
    params: { access_token: token, startDate: day(-1), endDate: day(1), pageSize: '1000', page: '1' },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  const leads = (await res.json()) as Record<string, unknown>[];
  return leads.filter((l) => typeof l.userEmail === 'string' && l.userEmail.toLowerCase() === email.toLowerCase());
}

/**
 * How long "nothing arrives twice" waits after the first arrival: one whole Netcore activity gathering window
 * (NETCORE_ACTIVITY_GATHER_MS, 5 s) plus the first retry delay (≥ 2 s) plus a worker poll (1 s).
 */
export const NOTHING_MORE_MS = 5_000 + 2_000 + 1_000;

export const uniqueEmail = (tag: string) => `${tag}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@example.com`;

/** The minimum a capture needs: names, an e-mail, Terms and Privacy. */
export async function fillRequired(page: Page, v: { first: string; last: string; email?: string; phone?: string }): Promise<void> {
  await page.getByLabel('First name', { exact: true }).fill(v.first);
  await page.getByLabel('Last name', { exact: true }).fill(v.last);
  if (v.email !== undefined) await page.getByLabel('E-mail', { exact: true }).fill(v.email);
  if (v.phone !== undefined) await page.getByLabel('Phone', { exact: true }).fill(v.phone);
  await page.getByLabel(/agree to the Terms & Conditions/).check();
  await page.getByLabel(/agree to the Privacy Policy/).check();
}

export const captureResult = (page: Page) => page.getByTestId('capture-result');

/** Opens the capture form's optional sections (collapsed by default): all of them, or those named. */
export async function openCaptureSections(page: Page, titles: string[] = ['Store and offer', 'More about the customer', 'Feedback']): Promise<void> {
  for (const title of titles) {
    const details = page.locator('details').filter({ has: page.locator('summary', { hasText: title }) });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    await expect(details).toHaveAttribute('open', '');
  }
}
