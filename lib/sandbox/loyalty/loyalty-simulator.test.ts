import { describe, expect, it } from 'vitest';
import { SANDBOX_LOYALTY_CLIENT_ID, SANDBOX_LOYALTY_CLIENT_SECRET } from '../demo-staff';
import { createLoyaltySimulator } from '.';

const ORIGIN = 'http://sandbox.test/sandbox/loyalty';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function tokenOf(sim: ReturnType<typeof createLoyaltySimulator>): Promise<string> {
  const res = await sim.handle(
    new Request(`${ORIGIN}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(SANDBOX_LOYALTY_CLIENT_ID, SANDBOX_LOYALTY_CLIENT_SECRET) },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    }),
    '/oauth/token',
  );
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

const send = (path: string, token: string | null, body: unknown, method = 'POST') =>
  new Request(`${ORIGIN}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  });

const valid = { action: 'APP_DOWNLOAD', channel: 'APP', when: '2024-05-10T10:00:00Z' };

describe('loyalty simulator: token endpoint', () => {
  it('issues a bearer token for HTTP Basic or form credentials', async () => {
    const sim = createLoyaltySimulator();
    const viaBasic = await sim.handle(
      new Request(`${ORIGIN}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic(SANDBOX_LOYALTY_CLIENT_ID, SANDBOX_LOYALTY_CLIENT_SECRET) },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      }),
      '/oauth/token',
    );
    expect(viaBasic.status).toBe(200);
    expect(await viaBasic.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, access_token: expect.stringMatching(/^sbx-loyalty-/) });
    const viaForm = await sim.handle(
      new Request(`${ORIGIN}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SANDBOX_LOYALTY_CLIENT_ID, client_secret: SANDBOX_LOYALTY_CLIENT_SECRET }),
      }),
      '/oauth/token',
    );
    expect(viaForm.status).toBe(200);
    expect(sim.issuedTokens()).toHaveLength(2);
  });

  it('refuses a bad client (401) and another grant (400)', async () => {
    const sim = createLoyaltySimulator();
    const bad = await sim.handle(
      new Request(`${ORIGIN}/oauth/token`, { method: 'POST', headers: { authorization: basic('x', 'y') }, body: new URLSearchParams({ grant_type: 'client_credentials' }) }),
      '/oauth/token',
    );
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
    const grant = await sim.handle(
      new Request(`${ORIGIN}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic(SANDBOX_LOYALTY_CLIENT_ID, SANDBOX_LOYALTY_CLIENT_SECRET) },
        body: new URLSearchParams({ grant_type: 'password' }),
      }),
      '/oauth/token',
    );
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('loyalty simulator: send activity', () => {
  it('requires a valid, unexpired bearer token', async () => {
    const sim = createLoyaltySimulator();
    const missing = await sim.handle(send('/client/users/m1/activities/a1', null, valid), '/client/users/m1/activities/a1');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ statusCode: 401, errorMessage: 'Unauthorized', errorCode: 'UNAUTHORIZED' });
    const token = await tokenOf(sim);
    expect((await sim.handle(send('/client/users/m1/activities/a1', token, valid), '/client/users/m1/activities/a1')).status).toBe(200);
    sim.expireTokens();
    expect((await sim.handle(send('/client/users/m1/activities/a2', token, valid), '/client/users/m1/activities/a2')).status).toBe(401);
  });

  it('awards the documented shape, generates an activity id when the URL has none', async () => {
    const sim = createLoyaltySimulator();
    const token = await tokenOf(sim);
    const res = await sim.handle(send('/client/users/m1/activities', token, { ...valid, businessUnit: 'STOREDESK_RETAIL' }), '/client/users/m1/activities');
    const body = (await res.json()) as { activityId: string; type: string; earned: unknown };
    expect(body.activityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toMatchObject({ type: 'APP_DOWNLOAD', earned: { STOREDESK_RETAIL: { loyalty: { base: 100, bonus: 0, targeted: 0, total: 100 } } } });
    expect(sim.loyaltyActivities()[0].activityId).toBe(body.activityId);
  });

  it('answers every documented 400 in the table order', async () => {
    const sim = createLoyaltySimulator();
    const token = await tokenOf(sim);
    const ask = async (cid: string, aid: string, body: unknown) => {
      const path = `/client/users/${cid}/activities/${aid}`;
      const res = await sim.handle(send(path, token, body), path);
      expect(res.status).toBe(400);
      return res.json();
    };
    await sim.handle(send('/client/users/m1/activities/taken', token, valid), '/client/users/m1/activities/taken');
    const err = (errorMessage: string) => ({ statusCode: 400, errorMessage, errorCode: 'INVALID_REQUEST' });
    expect(await ask('m1', 'x1', { ...valid, businessUnit: 'NOPE' })).toEqual(err('Provided business unit is not valid'));
    expect(await ask('m1', 'x1', { ...valid, businessUnit: 'STOREDESK_LEGACY' })).toEqual(err('Provided businessUnit is disabled'));
    expect(await ask('LOY-FOREIGN-0001', 'x1', valid)).toEqual(err('LoyaltyId specified is not associated with this Account'));
    expect(await ask('m2', 'taken', valid)).toEqual(err('ActivityID already exists'));
    expect(await ask('m1', 'x1', { ...valid, channel: '' })).toEqual(err('Channel not found'));
    expect(await ask('m1', 'x1', { ...valid, action: 'PURCHASE' })).toEqual(err('Action not found'));
    expect(await ask('m1', 'x1', { ...valid, when: undefined })).toEqual(err('When not found'));
    expect(await ask('m1', 'x1', { ...valid, extendedData: Array.from({ length: 21 }, (_, i) => ({ name: `k${i}`, value: 'v' })) })).toMatchObject({ errorCode: 'INVALID_REQUEST' });
    expect(sim.loyaltyActivities()).toHaveLength(1);
  });

  it('knows one disabled business unit and resets to the seed', async () => {
    const sim = createLoyaltySimulator();
    expect(sim.businessUnits().filter((u) => !u.enabled).map((u) => u.name)).toEqual(['STOREDESK_LEGACY']);
    await tokenOf(sim);
    sim.reset();
    // Activities back to the seed; the issued token still works.
    expect(sim.issuedTokens()).toHaveLength(1);
    expect(sim.loyaltyActivities()).toEqual([]);
  });
});
