/** Shared steps of the loyalty journeys (e2e/loyalty-*.spec.ts). */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Demo data from lib/sandbox (FOOTPRINTS_DEMO, DEMO_PEOPLE), repeated here: e2e does not import lib. */
export const CAMPAIGNS = { spring: 'sdspring01a', family: 'sdfamily02b', flash: 'sdflash03d', autumn: 'sdautumn04e', winter: 'sdwinter00c' } as const;
export const PEOPLE = {
  ana: { email: 'ana.popescu@example.com', phone: '0722000001' },
  mihai: { email: 'mihai.ionescu@example.com', phone: '0722000002' },
  elena: { email: 'elena.dumitru@example.com', phone: '0722000003' },
  andrei: { email: 'andrei.stan@example.com', phone: '0722000004' },
  ioana: { email: 'ioana.marin@example.com', phone: '0722000005' },
  radu: { email: 'radu.georgescu@example.com', phone: '0722000006' },
} as const;

export async function pickCampaign(page: Page, internalId: string): Promise<void> {
  await page.getByTestId(`campaign-${internalId}`).click();
  await expect(page.getByTestId(`campaign-${internalId}`).getByRole('radio')).toBeChecked();
}

export async function checkCode(page: Page, person: { email: string; phone: string }): Promise<void> {
  await page.getByLabel('Customer e-mail').fill(person.email);
  await page.getByLabel('Customer phone').fill(person.phone);
  await page.getByRole('button', { name: 'Check code' }).click();
}

/** What Footprints' sandbox holds for a code, asked straight at the simulator (a hostess token of its own). */
export async function sandboxCodeStatus(request: APIRequestContext, person: { email: string; phone: string }, campaign: string): Promise<string | null> {
  const basic = Buffer.from('sandbox-footprints-key:sandbox-footprints-secret').toString('base64');
  const token = await request.post('/sandbox/footprints/api/token', {
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    data: 'grant_type=pin&pin=5678',
  });
  expect(token.ok()).toBeTruthy();
  const { access_token } = (await token.json()) as { access_token: string };
  const res = await request.post(`/sandbox/footprints/api/loyaltyCode/check?access_token=${encodeURIComponent(access_token)}`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: new URLSearchParams({ userEmail: person.email, userPhone: person.phone, campaignInternalId: campaign }).toString(),
  });
  if (res.status() === 404) return null;
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { prize_status: string }).prize_status;
}

/** What a simulator received; with `contains`, only the requests that carried that text (path, query or body). */
export async function sandboxRequests(request: APIRequestContext, vendor: string, contains?: string): Promise<{ method: string; path: string; status: number }[]> {
  const res = await request.get(`/sandbox/_control/requests?${new URLSearchParams({ vendor, ...(contains ? { contains } : {}) })}`);
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { requests: { method: string; path: string; status: number }[] }).requests;
}
