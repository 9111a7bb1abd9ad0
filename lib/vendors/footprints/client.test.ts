/**
 * The Footprints client against its simulator, over real HTTP (startSandboxServer). The simulator is
 * written from the docs independently of the client, so these tests catch a misreading on either side.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink, type LogLevel } from '@/lib/log';
import { DEMO_HOSTESSES, DEMO_LOGINS, DEMO_STORE_HOSTESS, SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '@/lib/sandbox/demo-staff';
import { DEMO_PEOPLE } from '@/lib/sandbox/demo-people';
import { createFootprintsSimulator, FOOTPRINTS_DEMO, type FootprintsSimulator } from '@/lib/sandbox/footprints';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { VendorError } from '@/lib/vendors/http';
import { createFootprintsClient, type FootprintsClient } from './client';
import { formatFootprintsDate, formatFootprintsDateTime } from './dates';
import type { LostReason } from './schemas';

const ZONE = 'Europe/Bucharest';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const NOT_PDF = new TextEncoder().encode('PK\u0003\u0004 this is a zip, not a pdf');

let running: RunningSandbox;
let restoreLogSink: ReturnType<typeof setLogSink>;
let sim: FootprintsSimulator;
let clockOffsetMs = 0;
let fp: FootprintsClient;
let baseUrl: string;

function makeClient(overrides: Partial<Parameters<typeof createFootprintsClient>[0]> = {}): FootprintsClient {
  return createFootprintsClient({
    baseUrl,
    apiKey: SANDBOX_FOOTPRINTS_KEY,
    apiSecret: SANDBOX_FOOTPRINTS_SECRET,
    timeoutMs: 5000,
    ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError, the call succeeded');
}

const requestCount = () => running.sandbox.getRequests('footprints').length;
const hostessToken = async () => (await fp.tokenWithPin(DEMO_HOSTESSES[0].pin)).accessToken;
const managerToken = async () => (await fp.tokenWithPassword('manager', 'manager-demo')).accessToken;

const ana = DEMO_PEOPLE[0];
const mihai = DEMO_PEOPLE[1];
const andrei = DEMO_PEOPLE[3];

beforeAll(async () => {
  restoreLogSink = setLogSink(() => {}); // the client logs failures; these tests provoke many
  running = await startSandboxServer();
  sim = createFootprintsSimulator({ now: () => new Date(Date.now() + clockOffsetMs) });
  running.sandbox.simulators.footprints = sim;
  baseUrl = `${running.origin}/sandbox/footprints`;
  fp = makeClient();
});
afterAll(async () => {
  setLogSink(restoreLogSink);
  await running.close();
});
beforeEach(() => {
  clockOffsetMs = 0;
  running.sandbox.reset();
});

describe('token', () => {
  it('exchanges a hostess PIN for a token with the hostess scope, name and id', async () => {
    const before = Date.now();
    const t = await fp.tokenWithPin(DEMO_HOSTESSES[1].pin);
    expect(t.accessToken).toMatch(/^[0-9a-f]{64}$/);
    expect(t.scope).toEqual(['app_scope', 'hostess_scope']);
    expect(t.hostessName).toBe('Maria Hostess');
    expect(t.hostessId).toBe(DEMO_HOSTESSES[1].hostessId);
    expect(t.tokenType).toBe('bearer');
    expect(t.expiresIn).toBe(12 * 3600);
    expect(t.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 12 * 3600 * 1000);
    expect(sim.tokenInfo(t.accessToken)?.hostessId).toBe(DEMO_HOSTESSES[1].hostessId);
  });

  it('exchanges username + password for an app-scope token without hostess fields', async () => {
    const login = DEMO_LOGINS.find((l) => l.username === 'support')!;
    const t = await fp.tokenWithPassword(login.username, login.password);
    expect(t.scope).toEqual(['app_scope']);
    expect(t.hostessId).toBeUndefined();
    expect(sim.tokenInfo(t.accessToken)?.username).toBe('support');
  });

  it('issues a client_credentials token', async () => {
    const t = await fp.tokenWithClientCredentials();
    expect(t.scope).toEqual(['app_scope']);
    expect(sim.tokenInfo(t.accessToken)?.grant).toBe('client_credentials');
  });

  it('answers a wrong PIN with 401 invalid_grant, not retryable, without the PIN in the message', async () => {
    const err = await caught(fp.tokenWithPin('9999'));
    expect(err.status).toBe(401);
    expect(err.vendorCode).toBe('invalid_grant');
    expect(err.retryable).toBe(false);
    expect(err.kind).toBe('http');
    expect(err.message).toContain('Invalid PIN');
    expect(err.message).not.toContain('9999');
  });

  it('answers a wrong password with 401 invalid_grant and the vendor description', async () => {
    const err = await caught(fp.tokenWithPassword('manager', 'not-the-password'));
    expect(err.status).toBe(401);
    expect(err.vendorCode).toBe('invalid_grant');
    expect(err.message).toContain('Invalid username and password combination');
    expect(err.message).not.toContain('not-the-password');
  });

  it('answers a wrong key/secret with 401 invalid_client', async () => {
    const err = await caught(makeClient({ apiSecret: 'wrong-secret-value' }).tokenWithPin(DEMO_HOSTESSES[0].pin));
    expect(err.status).toBe(401);
    expect(err.vendorCode).toBe('invalid_client');
    expect(err.message).not.toContain('wrong-secret-value');
  });

  it('refuses an empty PIN before the network', async () => {
    const n = requestCount();
    const err = await caught(fp.tokenWithPin(''));
    expect(err.kind).toBe('invalid_request');
    expect(requestCount()).toBe(n);
  });

  it('works with a base URL that ends in a slash', async () => {
    const slashed = makeClient({ baseUrl: `${running.origin}/sandbox/footprints/` });
    const t = await slashed.tokenWithPin(DEMO_HOSTESSES[0].pin);
    const locations = await slashed.listLocations(t.accessToken);
    expect(locations.map((l) => l._id)).toEqual(FOOTPRINTS_DEMO.locationIds);
  });

  it('rejects calls without a valid token, and tokens past expires_in', async () => {
    const missing = await caught(fp.listChannels(''));
    expect(missing.status).toBe(401);
    expect(missing.vendorCode).toBe('invalid_token');
    const bogus = await caught(fp.listChannels('0'.repeat(64)));
    expect(bogus.status).toBe(401);

    const token = await hostessToken();
    expect(await fp.listChannels(token)).toHaveLength(5);
    clockOffsetMs = 12 * 3600 * 1000 + 1000;
    const expired = await caught(fp.listChannels(token));
    expect(expired.status).toBe(401);
    expect(expired.message).toContain('expired');
    expect(expired.retryable).toBe(false);
  });
});

describe('leads', () => {
  it('adds a lead with every documented field, encoded so the vendor reads each one', async () => {
    const token = await hostessToken();
    const { id } = await fp.addLead(token, {
      offlineCampaignId: FOOTPRINTS_DEMO.offlineCampaignIds[0],
      offerCategoryId: FOOTPRINTS_DEMO.offerCategoryIds[1],
      offerId: FOOTPRINTS_DEMO.offerIds[3],
      locationId: FOOTPRINTS_DEMO.locationIds[1],
      consultantId: FOOTPRINTS_DEMO.consultantIds[2],
      channelId: FOOTPRINTS_DEMO.channelIds[1],
      userFirstName: 'Dana',
      userLastName: 'Vasilescu',
      userEmail: 'dana.vasilescu@example.org',
      userPhone: '0733111222',
      nps: 0,
      userSex: 'female',
      userCity: 'Cluj-Napoca',
      userCounty: 'Cluj',
      userCountry: 'Romania',
      userAddress: 'Str. Memorandumului 1',
      userFamilyDetails: 'married',
      userChildren: 2,
      userIndustry: 'IT',
      userCompanyName: 'Acme SRL',
      userCompanyAddress: 'Str. Fabricii 3',
      userJob: 'Engineer',
      userJobDescription: 'Builds things',
      userIncome: 8004,
      userBirthday: '1988-02-29',
      userExternalId: 'EXT-42',
      userDistrict: 'Centru',
      facebookUrl: 'https://facebook.example/dana',
      imageUrl: 'https://img.example/dana.png',
      tags: ['tablet', 'weekend'],
      createdAt: '2025-01-15 10:30:00',
      timezone: 'America/Los_Angeles',
      marketingChannels: [
        { channel: 'sms', type: 'owner', agreed: true },
        { channel: 'email', type: 'partners', agreed: false },
      ],
      customDetails: {
        offerDetails: 'Lorem ipsum dolor sit amet',
        vouchers: { shopId: 1, shopName: 'sn', amount: 22, currency: 'RON' },
      },
      userComments: 'Wants delivery on Saturday',
      hasKids: true,
      noOfKids: 2,
      agreeTandc: true,
      agreePrivacy: true,
      agreedTargetedMessages: false,
      isAdult: true,
      customVariables: { visitReason: 'moving', notDeclaredInSettings: 'dropped' },
    });
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    const lead = sim.getLead(id)!;
    expect(lead.status).toBe('lead');
    expect(lead.person).toMatchObject({
      userFirstName: 'Dana',
      userEmail: 'dana.vasilescu@example.org',
      userSex: 'female',
      userFamilyDetails: 'married',
      userChildren: 2,
      userIncome: '8004',
      userBirthday: '1988-02-29',
      userComments: 'Wants delivery on Saturday',
      hasKids: true,
      noOfKids: 2,
      agreeTandc: true,
      agreedTargetedMessages: false,
      isAdult: true,
    });
    expect(lead.tags).toEqual(['tablet', 'weekend']);
    expect(lead.marketingChannels).toEqual([
      { channel: 'sms', type: 'owner', agreed: true },
      { channel: 'email', type: 'partners', agreed: false },
    ]);
    expect(lead.customDetails).toEqual({
      offerDetails: 'Lorem ipsum dolor sit amet',
      vouchers: { shopId: '1', shopName: 'sn', amount: '22', currency: 'RON' },
    });
    expect(lead.customVariables).toEqual({ visitReason: 'moving' });
    expect(lead.nps).toBe(0);
    expect(lead.timezone).toBe('America/Los_Angeles');
    // 10:30 in Los Angeles (PST, UTC-8) is 18:30 UTC.
    expect(lead.createdAt.toISOString()).toBe('2025-01-15T18:30:00.000Z');
    expect(lead.locationId).toBe(FOOTPRINTS_DEMO.locationIds[1]);

    const manager = await managerToken();
    const page = await fp.getLeads(manager, { startDate: '2025-01-15', endDate: '2025-01-15', pageSize: 50 });
    expect(page.leads.map((l) => l._id)).toEqual([id]);
    const listed = page.leads[0];
    expect(listed.status).toBe('lead');
    expect(listed.userFamilyDetails).toBe('married');
    expect(listed.offer?.name).toBe('OLED TV 55"');
    expect(listed.offer?.price).toBe(5999);
    expect(listed.consultant?.name).toBe('Monica Serban');
    expect(listed.offerCategory).toBe('Home electronics');
    expect(listed.agreeTandc).toBe(true);
  });

  it('refuses a lead the docs would not accept before the network', async () => {
    const token = await hostessToken();
    const n = requestCount();
    const nps = await caught(fp.addLead(token, { userEmail: 'x@example.org', nps: 11 }));
    expect(nps.kind).toBe('invalid_request');
    expect(nps.message).toContain('nps');
    const clash = await caught(fp.addLead(token, { userEmail: 'x@example.org', customVariables: { status: 'customer' } }));
    expect(clash.message).toContain('customVariables');
    const noZone = await caught(fp.addLead(token, { userEmail: 'x@example.org', createdAt: '2025-01-15 10:30:00' }));
    expect(noZone.message).toContain('timezone');
    const badDate = await caught(fp.addLead(token, { userEmail: 'x@example.org', userBirthday: '1990-02-30' }));
    expect(badDate.message).toContain('userBirthday');
    expect(requestCount()).toBe(n);
  });

  it('gets a 400 (not retryable) for a lead at an unknown location', async () => {
    const token = await hostessToken();
    const err = await caught(fp.addLead(token, { userEmail: 'y@example.org', locationId: 'ffffffffffffffffffffffff' }));
    expect(err.status).toBe(400);
    expect(err.kind).toBe('http');
    expect(err.retryable).toBe(false);
    expect(err.vendorCode).toBe('invalid_field');
    expect(err.message).toContain('locationId: unknown location');
  });

  it('pages through GET /api/lead, which lists only leads with location, category, offer and consultant', async () => {
    const token = await managerToken();
    const now = new Date();
    const range = { startDate: formatFootprintsDate(new Date(now.getTime() - 400 * 86_400_000), ZONE), endDate: formatFootprintsDate(now, ZONE) };
    const first = await fp.getLeads(token, { ...range, page: 1, pageSize: 25 });
    const second = await fp.getLeads(token, { ...range, page: 2, pageSize: 25 });
    expect(first.leads).toHaveLength(25);
    expect(second.leads).toHaveLength(25);
    const ids = new Set([...first.leads, ...second.leads].map((l) => l._id));
    expect(ids.size).toBe(50);
    const listable = sim.listLeads().filter((l) => l.locationId && l.offerCategoryId && l.offerId && l.consultantId);
    expect(listable.length).toBeLessThan(sim.listLeads().length);
    expect(first.totalRecords).toBe(listable.length);
    const all = await fp.getLeads(token, { ...range, pageSize: 1000 });
    expect(all.leads).toHaveLength(listable.length);
    expect(new Set(all.leads.map((l) => l.status))).toEqual(new Set(['prospect', 'lead', 'sale_lead', 'opportunity', 'customer', 'lost']));
    expect(all.leads.every((l) => l.consultantId && l.consultant?.name)).toBe(true);
  });

  it('refuses an inverted or malformed date range before the network', async () => {
    const token = await managerToken();
    const n = requestCount();
    expect((await caught(fp.getLeads(token, { startDate: '2025-02-01', endDate: '2025-01-01' }))).kind).toBe('invalid_request');
    expect((await caught(fp.getLeads(token, { startDate: '01.01.2025', endDate: '2025-01-31' }))).kind).toBe('invalid_request');
    expect(requestCount()).toBe(n);
  });

  it('moves a lead through the pipeline; the status and the contract stick', async () => {
    const token = await managerToken();
    const leadId = FOOTPRINTS_DEMO.demoLeadIds[1]; // Mihai, sale_lead
    const opp = await fp.updateLead(token, leadId, { status: 'opportunity', tags: ['hot'], userCompanyName: 'Ionescu PFA' });
    expect(opp.status).toBe('opportunity');
    expect(opp.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(sim.getLead(leadId)!.status).toBe('opportunity');

    const sku = (await fp.listAll(token, 'skus'))[4];
    const won = await fp.updateLead(token, leadId, {
      status: 'customer',
      skuId: sku._id,
      channelId: FOOTPRINTS_DEMO.channelIds[4],
      contract: { contractNumber: 'SD-2025-777', contractValue: 4599.5, contractDate: '2025-03-01', contractDescription: 'Sofa' },
    });
    expect(won.status).toBe('customer');
    expect(won.contractId).toMatch(/^[0-9a-f]{24}$/);
    expect(won.skuId).toBe(sku._id);
    const stored = sim.getLead(leadId)!;
    expect(stored.status).toBe('customer');
    expect(stored.tags).toEqual(['hot']);
    expect(stored.person.userCompanyName).toBe('Ionescu PFA');
    expect(stored.contract).toMatchObject({ contractNumber: 'SD-2025-777', contractValue: '4599.5', contractDate: '2025-03-01' });
    expect(stored.statusHistory.map((h) => h.status)).toEqual(['lead', 'sale_lead', 'opportunity', 'customer']);
  });

  it('does not send contract fields without status customer', async () => {
    const token = await managerToken();
    const n = requestCount();
    const input = { status: 'opportunity', contract: { contractNumber: 'X-1' } } as unknown as Parameters<FootprintsClient['updateLead']>[2];
    const err = await caught(fp.updateLead(token, FOOTPRINTS_DEMO.demoLeadIds[0], input));
    expect(err.kind).toBe('invalid_request');
    expect(err.message).toContain('status customer');
    expect(requestCount()).toBe(n);
  });

  it('answers 404 for an unknown lead', async () => {
    const token = await managerToken();
    const err = await caught(fp.updateLead(token, 'ffffffffffffffffffffffff', { status: 'lead' }));
    expect(err.status).toBe(404);
    expect(err.vendorCode).toBe('not_found');
    expect(err.retryable).toBe(false);
  });

  it('adds a prospect', async () => {
    const token = await hostessToken();
    const { id } = await fp.addProspect(token, { userFirstName: 'Paul', userLastName: 'Rusu', userEmail: 'paul.rusu@example.org', userPhone: '0744555666', companyName: 'Rusu SRL', potentialScore: 7 });
    const lead = sim.getLead(id)!;
    expect(lead.source).toBe('prospect');
    expect(lead.status).toBe('prospect');
    expect(lead.person).toMatchObject({ companyName: 'Rusu SRL', potentialScore: '7', userEmail: 'paul.rusu@example.org' });
  });
});

describe('lead actions, documents, NPS and lost reasons', () => {
  it('adds, updates and lists lead actions with their type names', async () => {
    const token = await managerToken();
    const types = await fp.getLeadActionTypes(token);
    expect(types.map((t) => t.name)).toEqual(['Phone call', 'Store visit', 'Offer sent', 'Follow-up e-mail', 'Contract signed']);
    const leadId = FOOTPRINTS_DEMO.demoLeadIds[2];
    const date = formatFootprintsDateTime(new Date(), ZONE);
    const { id } = await fp.addLeadAction(token, { leadId, leadActionTypeId: types[0]._id, actionDetail: 'Called about delivery', date });
    await fp.updateLeadAction(token, id, { leadId, leadActionTypeId: types[2]._id, actionDetail: 'Sent the offer instead', date });
    const actions = await fp.getLeadActions(token, leadId);
    const mine = actions.find((a) => a._id === id)!;
    expect(mine.actionDetail).toBe('Sent the offer instead');
    expect(mine.leadActionTypeId).toEqual({ _id: types[2]._id, name: 'Offer sent' });
    expect(sim.listLeadActions(leadId).find((a) => a._id === id)?.leadActionTypeId).toBe(types[2]._id);
  });

  it('uploads signed PDFs as multipart and links them to an action', async () => {
    const token = await managerToken();
    const leadId = FOOTPRINTS_DEMO.demoLeadIds[3];
    const [action] = sim.listLeadActions(leadId);
    const res = await fp.uploadLeadDocuments(
      token,
      leadId,
      'contracts',
      [
        { fileName: 'C:\\scans\\contract-signed.pdf', content: PDF },
        { fileName: 'annex.pdf', content: new Blob([PDF], { type: 'application/pdf' }), contentType: 'application/pdf' },
      ],
      { leadActionId: action._id },
    );
    expect(res.uploadedFiles).toEqual(['contract-signed.pdf', 'annex.pdf']);
    const docs = sim.listDocuments(leadId).filter((d) => d.leadActionId === action._id);
    expect(docs.map((d) => [d.documentType, d.filename, d.contentType, d.size])).toEqual([
      ['contracts', 'contract-signed.pdf', 'application/pdf', PDF.length],
      ['contracts', 'annex.pdf', 'application/pdf', PDF.length],
    ]);
  });

  it('refuses more than five files, or a non-PDF, before the network', async () => {
    const token = await managerToken();
    const n = requestCount();
    const six = Array.from({ length: 6 }, (_, i) => ({ fileName: `p${i}.pdf`, content: PDF }));
    const tooMany = await caught(fp.uploadLeadDocuments(token, FOOTPRINTS_DEMO.demoLeadIds[0], 'offers', six));
    expect(tooMany.kind).toBe('invalid_request');
    expect(tooMany.message).toContain('at most 5');
    const zip = await caught(fp.uploadLeadDocuments(token, FOOTPRINTS_DEMO.demoLeadIds[0], 'consents', [{ fileName: 'consent.pdf', content: NOT_PDF }]));
    expect(zip.message).toContain('not a PDF');
    const typed = await caught(fp.uploadLeadDocuments(token, FOOTPRINTS_DEMO.demoLeadIds[0], 'consents', [{ fileName: 'a.pdf', content: PDF, contentType: 'image/png' }]));
    expect(typed.message).toContain('not a PDF');
    const badType = await caught(fp.uploadLeadDocuments(token, FOOTPRINTS_DEMO.demoLeadIds[0], 'invoices' as 'offers', [{ fileName: 'a.pdf', content: PDF }]));
    expect(badType.kind).toBe('invalid_request');
    expect(requestCount()).toBe(n);
  });

  it('records NPS entries (1..10) and refuses 0 before the network', async () => {
    const token = await managerToken();
    const leadId = FOOTPRINTS_DEMO.demoLeadIds[0];
    await fp.updateNps(token, leadId, { nps: 9, comment: 'Quick and friendly' });
    await fp.updateNps(token, leadId, { nps: 10 });
    expect(sim.listNps(leadId).map((e) => [e.nps, e.comment])).toEqual([
      [9, 'Quick and friendly'],
      [10, undefined],
    ]);
    expect(sim.getLead(leadId)!.nps).toBe(10);
    const n = requestCount();
    expect((await caught(fp.updateNps(token, leadId, { nps: 0 }))).kind).toBe('invalid_request');
    expect(requestCount()).toBe(n);
  });

  it('records a lost reason; an undocumented reason is refused', async () => {
    const token = await managerToken();
    const leadId = FOOTPRINTS_DEMO.demoLeadIds[2];
    await fp.updateLead(token, leadId, { status: 'lost' });
    const res = await fp.updateLostLead(token, leadId, { reasonLost: 'competition', comment: 'Bought elsewhere' });
    expect(res._id).toBe(leadId);
    expect(res.status).toBe('lost');
    expect(res.comments).toMatch(/^[0-9a-f]{24}$/);
    expect(sim.getLead(leadId)!.lost).toMatchObject({ reasonLost: 'competition', comment: 'Bought elsewhere' });

    const n = requestCount();
    const err = await caught(fp.updateLostLead(token, leadId, { reasonLost: 'too_expensive' as LostReason }));
    expect(err.kind).toBe('invalid_request');
    expect(err.message).toContain('reasonLost');
    expect(requestCount()).toBe(n);
  });
});

describe('customers', () => {
  it('gets a demo person with their leads; an unknown person is null', async () => {
    const token = await managerToken();
    const customer = await fp.getCustomer(token, { userEmail: ana.email, userPhone: ana.phone });
    expect(customer?.userFirstName).toBe('Ana');
    expect(customer?.userExternalId).toBe('SD-CLIENT-0001');
    expect(customer?.leads?.map((l) => l._id).sort()).toEqual([FOOTPRINTS_DEMO.demoLeadIds[0], FOOTPRINTS_DEMO.anaCustomerLeadId].sort());
    expect(customer?.leads?.find((l) => l._id === FOOTPRINTS_DEMO.anaCustomerLeadId)?.status).toBe('customer');
    // +40 and spaces are the same phone.
    expect((await fp.getCustomer(token, { userEmail: ana.email.toUpperCase(), userPhone: '+40 722 000 001' }))?._id).toBe(customer?._id);
    expect(await fp.getCustomer(token, { userEmail: 'nobody@example.org', userPhone: '0799999999' })).toBeNull();
  });

  it('updates and deletes a customer', async () => {
    const token = await managerToken();
    await fp.updateCustomer(token, {
      userEmail: mihai.email,
      userPhone: mihai.phone,
      userCity: 'Floresti',
      userFamilyDetails: 'single',
      interests: ['books', 'cars'],
      kidsAge: [6, 14],
      marketingChannels: [{ channel: 'notification', type: 'group', agreed: true }],
      agreedTargetedMessages: true,
    });
    const client = sim.findClient({ email: mihai.email, phone: mihai.phone })!;
    expect(client.profile).toMatchObject({ userCity: 'Floresti', userFamilyDetails: 'single', agreedTargetedMessages: true });
    expect(client.interests).toEqual(['books', 'cars']);
    expect(client.kidsAge).toEqual([6, 14]);
    expect(client.marketingChannels).toEqual([{ channel: 'notification', type: 'group', agreed: true }]);

    await fp.deleteCustomer(token, { userExternalId: 'SD-CLIENT-0002' });
    expect(await fp.getCustomer(token, { userEmail: mihai.email, userPhone: mihai.phone })).toBeNull();
    expect(sim.listCodes({ email: mihai.email })).toEqual([]);
    const again = await caught(fp.deleteCustomer(token, { userExternalId: 'SD-CLIENT-0002' }));
    expect(again.status).toBe(404);
  });
});

describe('loyalty', () => {
  it('lists active campaigns and all campaigns', async () => {
    const token = await hostessToken();
    const active = await fp.getActiveLoyaltyCampaigns(token);
    const C = FOOTPRINTS_DEMO.campaigns;
    expect(active.map((c) => c.internalId).sort()).toEqual([C.family, C.flash, C.spring].sort());
    expect(active.find((c) => c.internalId === C.spring)?.location?.name).toBe('Storedesk Bucuresti Unirii');
    const all = await fp.getLoyaltyCampaigns(token);
    expect(all.map((c) => c.internalId).sort()).toEqual(Object.values(C).sort());
    const spring = all.find((c) => c.internalId === C.spring)!;
    expect(spring.loyaltySettings?.loyaltyPrizeTypes?.map((p) => p.name)).toEqual(['Voucher 50 RON', 'Voucher 100 RON']);
    expect(spring.total).toBe(sim.listCodes({ campaignInternalId: C.spring }).length);
  });

  it('checks, redeems and refuses to redeem twice', async () => {
    const token = await hostessToken();
    const who = { userEmail: ana.email, userPhone: ana.phone, campaignInternalId: FOOTPRINTS_DEMO.campaigns.spring };
    const check = await fp.checkClientCode(token, who);
    expect(check).toMatchObject({ code: 'SPRANA01', prize_status: 'associated', message: 'redeem code found' });
    expect(check?.expire_code_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    await fp.changeCodeStatus(token, { ...who, code: 'SPRANA01', status: 'redeemed' });
    expect(sim.findCode('SPRANA01')?.status).toBe('redeemed');
    // The change answers only "success": the caller confirms it by reading the code back.
    expect(await fp.checkClientCode(token, who)).toMatchObject({ code: 'SPRANA01', prize_status: 'redeemed' });

    const twice = await caught(fp.changeCodeStatus(token, { ...who, code: 'SPRANA01', status: 'redeemed' }));
    expect(twice.status).toBe(409);
    expect(twice.vendorCode).toBe('code_not_associated');
    expect(twice.retryable).toBe(false);
    expect(twice.message).toContain('already redeemed');
  });

  it('blocks a code', async () => {
    const token = await hostessToken();
    await fp.changeCodeStatus(token, { userEmail: mihai.email, userPhone: mihai.phone, campaignInternalId: FOOTPRINTS_DEMO.campaigns.family, code: 'FAMMIH01', status: 'blocked' });
    expect(sim.findCode('FAMMIH01')?.status).toBe('blocked');
  });

  it('refuses to change an expired code, and a code of someone else', async () => {
    const token = await hostessToken();
    const expired = await caught(
      fp.changeCodeStatus(token, { userEmail: andrei.email, userPhone: andrei.phone, campaignInternalId: FOOTPRINTS_DEMO.campaigns.winter, code: 'WINAND01', status: 'redeemed' }),
    );
    expect(expired.status).toBe(410);
    expect(expired.vendorCode).toBe('code_expired');
    expect(sim.findCode('WINAND01')).toMatchObject({ status: 'associated', expired: true });

    const flash = await caught(
      fp.changeCodeStatus(token, { userEmail: ana.email, userPhone: ana.phone, campaignInternalId: FOOTPRINTS_DEMO.campaigns.flash, code: 'FLSANA01', status: 'redeemed' }),
    );
    expect(flash.status).toBe(410);

    const other = await caught(
      fp.changeCodeStatus(token, { userEmail: ana.email, userPhone: ana.phone, campaignInternalId: FOOTPRINTS_DEMO.campaigns.family, code: 'FAMMIH01', status: 'redeemed' }),
    );
    expect(other.status).toBe(404);
    expect(other.message).not.toContain(ana.email);
    expect(sim.findCode('FAMMIH01')?.status).toBe('associated');
  });

  it('answers null when the client has no code in the campaign', async () => {
    const token = await hostessToken();
    expect(await fp.checkClientCode(token, { userEmail: ana.email, userPhone: ana.phone, campaignInternalId: FOOTPRINTS_DEMO.campaigns.family })).toBeNull();
    const unknown = await caught(fp.checkClientCode(token, { userEmail: ana.email, userPhone: ana.phone, campaignInternalId: 'nope' }));
    expect([unknown.status, unknown.vendorCode]).toEqual([400, 'invalid_field']);
    expect(unknown.message).toContain('campaignInternalId: unknown campaign');
  });

  it('lists codes by campaign, search term and page', async () => {
    const token = await hostessToken();
    const spring = FOOTPRINTS_DEMO.campaigns.spring;
    const expected = sim.listCodes({ campaignInternalId: spring });
    const page1 = await fp.listCodes(token, { campaignInternalId: spring, page: 1 });
    const page2 = await fp.listCodes(token, { campaignInternalId: spring, page: 2 });
    expect(page1.totalResults).toBe(expected.length);
    expect(page1.codes).toHaveLength(20);
    expect(page2.page).toBe(2);
    const seen = new Set([...page1.codes, ...page2.codes].map((c) => c.code));
    expect(seen.size).toBe(page1.codes.length + page2.codes.length);
    expect([...page1.codes, ...page2.codes].every((c) => c.campaign?.internalId === spring)).toBe(true);
    expect(new Set(expected.map((c) => c.status))).toEqual(new Set(['associated', 'redeemed', 'blocked']));

    const search = await fp.listCodes(token, { searchTerm: 'ana0' });
    expect(search.codes.map((c) => c.code).sort()).toEqual(['FLSANA01', 'SPRANA01', 'WINANA01']);
    const ana1 = search.codes.find((c) => c.code === 'SPRANA01')!;
    expect(ana1.client?.userEmail).toBe(ana.email);
    expect(ana1.hostess?.name).toBe(DEMO_HOSTESSES[0].name);
    expect(ana1.prize?.name).toBeTruthy();
  });

  it('shows a person\'s prize history (redeemed and associated, not blocked)', async () => {
    const token = await hostessToken();
    const history = await fp.getPrizeHistory(token, { userEmail: ana.email, userPhone: ana.phone });
    expect(history.map((h) => [h.code, h.status]).sort()).toEqual([
      ['FLSANA01', 'associated'],
      ['SPRANA01', 'associated'],
      ['WINANA01', 'redeemed'],
    ]);
    expect(history.find((h) => h.code === 'WINANA01')?.location?.name).toBe('Storedesk Bucuresti Unirii');
    const elena = DEMO_PEOPLE[2];
    const elenaHistory = await fp.getPrizeHistory(token, { userEmail: elena.email, userPhone: elena.phone });
    expect(elenaHistory.map((h) => h.code)).toEqual(['FAMELE01']);
  });
});

describe('catalogues and notifications', () => {
  it('reads every catalogue, following the paging headers', async () => {
    const token = await managerToken();
    const cats = await fp.listOfferCategories(token);
    expect(cats.items.map((c) => c.name)).toEqual(['Kitchen appliances', 'Home electronics', 'Furniture', 'Garden & outdoor']);
    expect(cats).toMatchObject({ page: 1, totalPages: 1, totalRecords: 4 });
    const offers1 = await fp.listOffers(token, { page: 1 });
    expect(offers1.items).toHaveLength(10);
    expect(offers1).toMatchObject({ totalPages: 2, totalRecords: 12 });
    expect(offers1.items[0]).toMatchObject({ name: 'Induction hob 60 cm', price: 1899, offerCategory: { name: 'Kitchen appliances' } });
    const offers = await fp.listAll(token, 'offers');
    expect(offers).toHaveLength(12);
    const skus = await fp.listAll(token, 'skus');
    expect(skus).toHaveLength(30);
    expect(new Set(skus.map((s) => s._id)).size).toBe(30);
    expect(skus[0].offer?.name).toBe('Induction hob 60 cm');

    const locations = await fp.listLocations(token);
    expect(locations).toHaveLength(6);
    const cluj = await fp.listLocations(token, { countryName: 'Romania', countyName: 'Cluj' });
    expect(cluj.map((l) => l.name)).toEqual(['Storedesk Cluj Iulius']);
    const offline = await fp.listOfflineCampaigns(token);
    expect(offline.map((o) => o._id)).toEqual(FOOTPRINTS_DEMO.offlineCampaignIds);
    const users = await fp.listBusinessUsers(token);
    // The consultants, then the hostess of one store (issue 12).
    expect(users.map((u) => u._id)).toEqual([...FOOTPRINTS_DEMO.consultantIds, DEMO_STORE_HOSTESS.hostessId]);
    expect(users.at(-1)?.locations?.map((l) => l.name)).toEqual(['Storedesk Cluj Iulius']);
    expect(users[0].locations?.[0]?.name).toBe('Storedesk Bucuresti Unirii');
    const channels = await fp.listChannels(token);
    expect(channels.map((c) => c.mediaType)).toEqual(['Owned Media', 'Paid Media', 'Paid Media', 'Paid Media', 'Earned Media']);
  });

  it('sends an e-mail notification with a PDF attachment; a non-PDF is refused before the network', async () => {
    const token = await managerToken();
    const res = await fp.sendNotification(token, {
      templateKey: 'sd-contract-copy',
      email: ana.email,
      firstName: 'Ana',
      lastName: 'Popescu',
      attachment: { fileName: 'contract.pdf', content: PDF },
    });
    expect(res.message).toBe('Message sent!');
    expect(sim.listNotifications()).toMatchObject([
      { templateKey: 'sd-contract-copy', email: ana.email, firstName: 'Ana', attachment: { fileName: 'contract.pdf', size: PDF.length } },
    ]);
    const n = requestCount();
    const err = await caught(fp.sendNotification(token, { templateKey: 'sd-contract-copy', email: ana.email, attachment: { fileName: 'contract.pdf', content: NOT_PDF } }));
    expect(err.kind).toBe('invalid_request');
    expect(requestCount()).toBe(n);
    const unknownTemplate = await caught(fp.sendNotification(token, { templateKey: 'nope', email: ana.email }));
    expect(unknownTemplate.status).toBe(400);
    expect(unknownTemplate.message).toContain('templateKey');
  });
});

describe('failures: timeout, retryable and not', () => {
  afterEach(() => running.sandbox.reset());

  it('times out when the vendor is slower than timeoutMs (retryable)', async () => {
    const token = await managerToken();
    running.sandbox.setFaults('footprints', { latencyMs: 400 });
    const err = await caught(makeClient({ timeoutMs: 100 }).listChannels(token));
    expect(err.kind).toBe('timeout');
    expect(err.status).toBe(0);
    expect(err.retryable).toBe(true);
  });

  it('classifies 503 outage, 429 and 500 as retryable and 400 as not', async () => {
    const token = await managerToken();
    running.sandbox.setFaults('footprints', { outage: true });
    const outage = await caught(fp.listChannels(token));
    expect([outage.status, outage.retryable]).toEqual([503, true]);

    running.sandbox.setFaults('footprints', { outage: false, failStatus: 429, failCount: 1 });
    const limited = await caught(fp.listChannels(token));
    expect([limited.status, limited.retryable]).toEqual([429, true]);
    expect(await fp.listChannels(token)).toHaveLength(5); // failCount used up

    running.sandbox.setFaults('footprints', { errorRate: 1 });
    const broken = await caught(fp.listChannels(token));
    expect([broken.status, broken.retryable]).toEqual([500, true]);
    running.sandbox.setFaults('footprints', { errorRate: 0 });

    const bad = await caught(fp.addLead(token, { userEmail: 'z@example.org', channelId: 'nope' }));
    expect([bad.status, bad.retryable, bad.vendorCode]).toEqual([400, false, 'invalid_field']);
  });
});

describe('redaction', () => {
  it('keeps the key, secret, token, PIN and personal data out of error messages and log lines', async () => {
    const lines: string[] = [];
    const previous = setLogSink((_level: LogLevel, line: string) => lines.push(line));
    try {
      const token = await hostessToken();
      const errors: VendorError[] = [];
      errors.push(await caught(fp.tokenWithPin('4321')));
      errors.push(await caught(makeClient({ apiKey: 'another-footprints-key' }).tokenWithPassword('manager', 'manager-demo')));
      running.sandbox.setFaults('footprints', { failStatus: 400, failCount: 1 });
      errors.push(await caught(fp.getPrizeHistory(token, { userEmail: ana.email, userPhone: ana.phone })));
      running.sandbox.reset();
      // Nothing listens on port 9: a network failure whose message names the URL (with the token in it).
      const offline = makeClient({ baseUrl: 'http://127.0.0.1:9/sandbox/footprints', timeoutMs: 2000 });
      const network = await caught(offline.checkClientCode(token, { userEmail: ana.email, userPhone: ana.phone, campaignInternalId: 'x' }));
      expect(network.kind).toBe('network');
      expect(network.message).toContain('127.0.0.1:9');
      errors.push(network);

      expect(lines.length).toBeGreaterThanOrEqual(errors.length);
      const forbidden = [
        SANDBOX_FOOTPRINTS_KEY,
        SANDBOX_FOOTPRINTS_SECRET,
        Buffer.from(`${SANDBOX_FOOTPRINTS_KEY}:${SANDBOX_FOOTPRINTS_SECRET}`).toString('base64'),
        'another-footprints-key',
        token,
        '4321',
        'manager-demo',
        ana.email,
        ana.phone,
      ];
      for (const text of [...errors.map((e) => e.message), ...errors.map((e) => JSON.stringify(e.toJSON())), ...lines]) {
        for (const secret of forbidden) expect(text).not.toContain(secret);
      }
      expect(network.message).toContain('access_token=[redacted]');
    } finally {
      setLogSink(previous);
    }
  });
});
