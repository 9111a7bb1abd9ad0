/**
 * The simulator on its own (raw requests, no client): it accepts every form the docs show, refuses what
 * they refuse, and its seed is deterministic and complete.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../demo-people';
import { DEMO_HOSTESSES, DEMO_STORE_HOSTESS, SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '../demo-staff';
import { FOOTPRINTS_DEMO, createFootprintsSimulator, parseUrlEncoded, type FootprintsSimulator } from '.';

const BASIC = `Basic ${Buffer.from(`${SANDBOX_FOOTPRINTS_KEY}:${SANDBOX_FOOTPRINTS_SECRET}`).toString('base64')}`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

function request(sim: FootprintsSimulator, method: string, pathAndQuery: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) {
  const url = new URL(pathAndQuery, 'http://sim.local');
  return sim.handle(new Request(url, { method, body: init.body, headers: init.headers }), url.pathname);
}

async function token(sim: FootprintsSimulator, body = `grant_type=pin&pin=${DEMO_HOSTESSES[0].pin}`): Promise<string> {
  const res = await request(sim, 'POST', '/api/token', { body, headers: { ...FORM, authorization: BASIC } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('form parsing (bracket notation)', () => {
  it('reads nested objects, indexed and [] arrays, repeated keys and + as space', () => {
    expect(
      parseUrlEncoded(
        'tags[0]=a&tags[1]=b&marketingChannels[0][channel]=sms&marketingChannels[0][agreed]=true&marketingChannels[1][channel]=email&customDetails[vouchers][shopId]=1&list[]=x&list[]=y&rep=1&rep=2&name=Ana+Maria&comment%20=c',
      ),
    ).toEqual({
      tags: ['a', 'b'],
      marketingChannels: [{ channel: 'sms', agreed: 'true' }, { channel: 'email' }],
      customDetails: { vouchers: { shopId: '1' } },
      list: ['x', 'y'],
      rep: ['1', '2'],
      name: 'Ana Maria',
      'comment ': 'c',
    });
  });
});

describe('documented forms are all accepted', () => {
  it('token: grant_type=client_credentials with a pin (the samples) is a PIN login; the fields may come in the query', async () => {
    const sim = createFootprintsSimulator({ leadCount: 10 });
    const t = await token(sim, `grant_type=client_credentials&pin=${DEMO_HOSTESSES[1].pin}`);
    expect(sim.tokenInfo(t)).toMatchObject({ grant: 'pin', hostessId: DEMO_HOSTESSES[1].hostessId, scope: ['app_scope', 'hostess_scope'] });
    const res = await request(sim, 'POST', `/api/token?grant_type=pin&pin=${DEMO_HOSTESSES[0].pin}`, { headers: { authorization: BASIC } });
    expect(res.status).toBe(200);
    const bad = await request(sim, 'POST', '/api/token', { body: 'grant_type=pin&pin=0000', headers: { ...FORM, authorization: BASIC } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid PIN' });
    const noAuth = await request(sim, 'POST', '/api/token', { body: 'grant_type=client_credentials', headers: FORM });
    expect(noAuth.status).toBe(401);
    const refresh = await request(sim, 'POST', '/api/token', { body: 'grant_type=refresh_token', headers: { ...FORM, authorization: BASIC } });
    expect(((await refresh.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });

  it('token: the hostess of one store signs in with her PIN; a trainee-<name> login with trainee-demo, and nothing else', async () => {
    const sim = createFootprintsSimulator({ leadCount: 10 });
    const t = await token(sim, `grant_type=pin&pin=${DEMO_STORE_HOSTESS.pin}`);
    expect(sim.tokenInfo(t)).toMatchObject({ grant: 'pin', hostessId: DEMO_STORE_HOSTESS.hostessId });
    const trainee = await token(sim, 'grant_type=password&username=trainee-abc1&password=trainee-demo');
    expect(sim.tokenInfo(trainee)).toMatchObject({ grant: 'password', username: 'trainee-abc1' });
    for (const body of ['grant_type=password&username=trainee-abc1&password=wrong', 'grant_type=password&username=trainee-&password=trainee-demo', 'grant_type=password&username=intern-abc&password=trainee-demo']) {
      const res = await request(sim, 'POST', '/api/token', { body, headers: { ...FORM, authorization: BASIC } });
      expect(res.status, body).toBe(401);
    }
  });

  it('add lead through the Node sample\'s /api/offerCategory/{id}/lead, and a JSON body', async () => {
    const sim = createFootprintsSimulator({ leadCount: 10 });
    const t = await token(sim);
    const cat = FOOTPRINTS_DEMO.offerCategoryIds[2];
    const res = await request(sim, 'POST', `/api/offerCategory/${cat}/lead?access_token=${t}`, {
      body: 'userFirstName=Test&userLastName=Test&userEmail=test@test.com&userPhone=0700000000',
      headers: FORM,
    });
    const { _id } = (await res.json()) as { _id: string };
    expect(sim.getLead(_id)?.offerCategoryId).toBe(cat);
    const viaJson = await request(sim, 'POST', `/api/lead?access_token=${t}`, {
      body: JSON.stringify({ userEmail: 'json@test.com', tags: ['a'], agreeTandc: true, userFamilyDetails: 'single' }),
      headers: { 'content-type': 'application/json' },
    });
    const id2 = ((await viaJson.json()) as { _id: string })._id;
    expect(sim.getLead(id2)).toMatchObject({ tags: ['a'], person: { agreeTandc: true, userFamilyDetails: 'single' } });
    // A form body under a JSON content type (a sloppy sample) is still read.
    const sloppy = await request(sim, 'POST', `/api/lead?access_token=${t}`, { body: 'userEmail=sloppy@test.com', headers: { 'content-type': 'application/json' } });
    expect(sloppy.status).toBe(200);
  });

  it('NPS by PUT or POST, with `comment` or `comment ` (trailing space)', async () => {
    const sim = createFootprintsSimulator({ leadCount: 10 });
    const t = await token(sim);
    const lead = FOOTPRINTS_DEMO.demoLeadIds[0];
    expect((await request(sim, 'PUT', `/api/lead/${lead}/nps?access_token=${t}`, { body: 'nps=10&comment%20=test', headers: FORM })).status).toBe(200);
    expect((await request(sim, 'POST', `/api/lead/${lead}/nps?access_token=${t}`, { body: 'nps=3&comment=meh', headers: FORM })).status).toBe(200);
    expect(sim.listNps(lead).map((e) => [e.nps, e.comment])).toEqual([
      [10, 'test'],
      [3, 'meh'],
    ]);
    const zero = await request(sim, 'PUT', `/api/lead/${lead}/nps?access_token=${t}`, { body: 'nps=0', headers: FORM });
    expect(zero.status).toBe(400);
  });
});

describe('refusals', () => {
  it('a lost reason outside the nine is a 400 with a clear message', async () => {
    const sim = createFootprintsSimulator({ leadCount: 10 });
    const t = await token(sim);
    const res = await request(sim, 'PUT', `/api/lead/${FOOTPRINTS_DEMO.demoLeadIds[0]}/leadLost?access_token=${t}`, { body: 'reasonLost=too_expensive', headers: FORM });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { status: string; message: string; errorCode: string };
    expect(body.status).toBe('error');
    expect(body.errorCode).toBe('invalid_field');
    expect(body.message).toContain('poor_qualification,');
  });

  it('documents: non-PDF bytes, a non-PDF content type, six files or no files are refused; nothing is recorded', async () => {
    const sim = createFootprintsSimulator({ leadCount: 10 });
    const t = await token(sim);
    const lead = FOOTPRINTS_DEMO.demoLeadIds[0];
    const upload = async (files: Blob[], type = 'contracts') => {
      const form = new FormData();
      files.forEach((f, i) => form.append('documents', f, `f${i}.pdf`));
      const res = await request(sim, 'PUT', `/api/lead/${lead}/${type}?access_token=${t}`, { body: form });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const before = sim.listDocuments(lead).length;
    expect(await upload([new Blob(['hello'], { type: 'application/pdf' })])).toMatchObject({ status: 400, body: { errorCode: 'not_pdf' } });
    expect(await upload([new Blob([PDF], { type: 'text/plain' })])).toMatchObject({ status: 400, body: { errorCode: 'not_pdf' } });
    expect(await upload(Array.from({ length: 6 }, () => new Blob([PDF], { type: 'application/pdf' })))).toMatchObject({ status: 400, body: { errorCode: 'too_many_files' } });
    expect(await upload([])).toMatchObject({ status: 400 });
    expect(await upload([new Blob([PDF], { type: 'application/pdf' })], 'invoices')).toMatchObject({ status: 400 });
    expect(sim.listDocuments(lead)).toHaveLength(before);
    expect(await upload([new Blob([PDF], { type: 'application/pdf' })], 'consents')).toEqual({ status: 200, body: { status: 'ok', uploaded_files: ['f0.pdf'] } });
    expect(sim.listDocuments(lead)).toHaveLength(before + 1);
  });

  it('missing required fields are 400 {status:"error", message}', async () => {
    const sim = createFootprintsSimulator({ leadCount: 10 });
    const t = await token(sim);
    const check = await request(sim, 'POST', `/api/loyaltyCode/check?access_token=${t}`, { body: 'userEmail=a%40b.ro', headers: FORM });
    expect(check.status).toBe(400);
    expect(await check.json()).toEqual({ status: 'error', message: 'userPhone is required', errorCode: 'missing_field' });
    const lead = await request(sim, 'POST', `/api/lead?access_token=${t}`, { body: 'userFirstName=Nobody', headers: FORM });
    expect(((await lead.json()) as { message: string }).message).toBe('userEmail or userPhone is required');
    const action = await request(sim, 'POST', `/api/lead/action?access_token=${t}`, { body: 'actionDetail=x', headers: FORM });
    expect(action.status).toBe(400);
  });

  it('a change without a status redeems (the documented call); a code changes once', async () => {
    const sim = createFootprintsSimulator({ leadCount: 10 });
    const t = await token(sim);
    const p = DEMO_PEOPLE[5];
    const body = `userEmail=${encodeURIComponent(p.email)}&userPhone=${p.phone}&campaignInternalId=${FOOTPRINTS_DEMO.campaigns.spring}&code=SPRRAD01`;
    expect((await request(sim, 'POST', `/api/loyaltyCode/change?access_token=${t}`, { body, headers: FORM })).status).toBe(200);
    expect(sim.findCode('SPRRAD01')?.status).toBe('redeemed');
    const again = await request(sim, 'POST', `/api/loyaltyCode/change?access_token=${t}`, { body: `${body}&status=blocked`, headers: FORM });
    expect(again.status).toBe(409);
  });

  it('unknown paths and methods', async () => {
    const sim = createFootprintsSimulator({ leadCount: 10 });
    const t = await token(sim);
    expect((await request(sim, 'GET', `/api/nothing?access_token=${t}`)).status).toBe(404);
    expect((await request(sim, 'DELETE', `/api/lead?access_token=${t}`)).status).toBe(405);
    expect((await request(sim, 'GET', '/api/location')).status).toBe(401);
  });
});

describe('seed', () => {
  it('is deterministic, relative to now, and resets', async () => {
    const now = new Date('2025-06-01T09:00:00Z');
    const a = createFootprintsSimulator({ now: () => now });
    const b = createFootprintsSimulator({ now: () => now });
    expect(a.listLeads().map((l) => [l._id, l.status, l.createdAt.toISOString()])).toEqual(b.listLeads().map((l) => [l._id, l.status, l.createdAt.toISOString()]));
    expect(a.listCodes().map((c) => c.code)).toEqual(b.listCodes().map((c) => c.code));
    expect(a.listLeads().every((l) => l.createdAt <= now && l.createdAt > new Date('2024-11-01'))).toBe(true);

    const t = await token(a);
    await request(a, 'PUT', `/api/lead/${FOOTPRINTS_DEMO.demoLeadIds[0]}?access_token=${t}`, { body: 'status=lost', headers: FORM });
    expect(a.getLead(FOOTPRINTS_DEMO.demoLeadIds[0])?.status).toBe('lost');
    a.reset();
    expect(a.getLead(FOOTPRINTS_DEMO.demoLeadIds[0])?.status).toBe('lead');
    // Data back to the seed; signed-in staff stay signed in.
    expect(a.tokenInfo(t)).toBeDefined();
    expect((await request(a, 'GET', `/api/location?access_token=${t}`)).status).toBe(200);
  });

  it('never hands out an id twice, even across a reset (a console may have recorded the first lead)', async () => {
    const sim = createFootprintsSimulator({ leadCount: 10 });
    const t = await token(sim);
    const add = async (email: string) => {
      const res = await request(sim, 'POST', `/api/lead?access_token=${t}`, { body: `userFirstName=A&userEmail=${encodeURIComponent(email)}`, headers: FORM });
      expect(res.status).toBe(200);
      return ((await res.json()) as { _id: string })._id;
    };
    const before = await add('before-reset@example.com');
    sim.reset();
    const after = await add('after-reset@example.com');
    expect(after).not.toBe(before);
    expect(sim.getLead(before)).toBeUndefined();
  });

  it('has leads in every status (300 by default, plus the demo people) and scales to 5,000', () => {
    const sim = createFootprintsSimulator();
    const leads = sim.listLeads();
    expect(leads).toHaveLength(300 + DEMO_PEOPLE.length + 1);
    for (const status of ['prospect', 'lead', 'sale_lead', 'opportunity', 'customer', 'lost'] as const) {
      expect(leads.filter((l) => l.status === status).length).toBeGreaterThan(10);
    }
    expect(leads.filter((l) => l.status === 'lost').every((l) => l.lost?.reasonLost)).toBe(true);
    expect(leads.filter((l) => l.status === 'customer').every((l) => l.contract?.contractId && sim.listDocuments(l._id).length > 0)).toBe(true);
    const big = createFootprintsSimulator({ leadCount: 5000 });
    expect(big.listLeads()).toHaveLength(5000 + DEMO_PEOPLE.length + 1);
  });

  it('makes every demo person a client with a lead and codes, and has codes in every status, some expired', () => {
    const sim = createFootprintsSimulator();
    for (const [i, p] of DEMO_PEOPLE.entries()) {
      const client = sim.findClient({ email: p.email, phone: p.phone });
      expect(client?.userFirstName).toBe(p.firstName);
      expect(sim.getLead(FOOTPRINTS_DEMO.demoLeadIds[i])?.clientId).toBe(client?._id);
      expect(sim.listCodes({ email: p.email }).length).toBeGreaterThan(0);
    }
    for (const [person, , status, code] of FOOTPRINTS_DEMO.codes) {
      expect(sim.findCode(code)).toMatchObject({ status, client: { email: DEMO_PEOPLE[person].email } });
    }
    const codes = sim.listCodes();
    for (const status of ['associated', 'redeemed', 'blocked'] as const) {
      expect(codes.some((c) => c.status === status && !c.expired)).toBe(true);
      expect(codes.some((c) => c.status === status && c.expired)).toBe(true);
    }
    expect(new Set(codes.map((c) => c.hostessId))).toEqual(new Set(DEMO_HOSTESSES.map((h) => h.hostessId)));
  });
});
