/**
 * The pipeline's use cases against the Footprints simulator over real HTTP, on PGlite (and PostgreSQL when
 * TEST_DATABASE_URL is set): the sync fills the read model, the status rule holds, changes reach the
 * vendor first and the read model follows its answer, everything is audited.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_STORES } from '@/lib/auth/stores';
import { listAudit } from '@/lib/audit';
import { testEngines, openTestDb, type TestDb } from '@/lib/db/testing';
import { ValidationError } from '@/lib/errors';
import { setLogSink } from '@/lib/log';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '@/lib/sandbox/demo-staff';
import { createFootprintsSimulator, FOOTPRINTS_DEMO, type FootprintsSimulator } from '@/lib/sandbox/footprints';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { createFootprintsClient, type FootprintsClient } from '@/lib/vendors/footprints';
import { VendorError } from '@/lib/vendors/http';
import { filtersFromParams } from './filters';
import { getFilterOptions, getLeadRecord, getSyncState, queryPipeline } from './read-model';
import { syncLeads, syncWindow } from './sync';
import { addAction } from './add-action';
import { bulkMoveLeads } from './bulk-move-leads';
import type { LeadDeps } from './deps';
import { editAction } from './edit-action';
import { getTimeline } from './get-timeline';
import { moveLead } from './move-lead';
import { getLeadDetail } from './queries';
import { recordNps } from './record-nps';
import { uploadDocuments } from './upload-documents';

const ZONE = 'Europe/Bucharest';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const ZIP = new TextEncoder().encode('PK\u0003\u0004 a zip file renamed to .pdf');
const actor = { id: 'user:manager', name: 'Demo Manager', role: 'manager' };
const contract = { contractNumber: 'SD-2026-001', contractValue: '15400', contractDate: '2026-05-02', contractDescription: 'Kitchen and installation' };
// Demo leads: [lead, sale_lead, opportunity, customer, prospect, lost] (FOOTPRINTS_DEMO.demoLeadIds order).
const [LEAD_ID, SALE_LEAD_ID, OPPORTUNITY_ID, , PROSPECT_ID] = FOOTPRINTS_DEMO.demoLeadIds;

let running: RunningSandbox;
let sim: FootprintsSimulator;
let client: FootprintsClient;
let restoreLog: ReturnType<typeof setLogSink>;

const footprintsRequests = () => running.sandbox.getRequests('footprints').filter((r) => !r.path.startsWith('/api/token'));

beforeAll(async () => {
  restoreLog = setLogSink(() => {});
  running = await startSandboxServer();
  sim = createFootprintsSimulator();
  running.sandbox.simulators.footprints = sim;
  client = createFootprintsClient({ baseUrl: `${running.origin}/sandbox/footprints`, apiKey: SANDBOX_FOOTPRINTS_KEY, apiSecret: SANDBOX_FOOTPRINTS_SECRET, timeoutMs: 5000 });
});
afterAll(async () => {
  await running?.close();
  setLogSink(restoreLog);
});

describe.each(testEngines)('lead pipeline on %s', (engine) => {
  let tdb: TestDb;
  let deps: LeadDeps;

  beforeAll(async () => {
    tdb = await openTestDb(engine);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });
  beforeEach(async () => {
    running.sandbox.reset();
    const token = await client.tokenWithPassword('manager', 'manager-demo');
    deps = { client, accessToken: token.accessToken, scope: ALL_STORES, timeZone: ZONE };
    await syncLeads(tdb.db, deps, syncWindow(new Date(), ZONE), 'manual');
  });

  it('the sync brings every lead the vendor lists in the window, with names for ids', async () => {
    const listed = sim.listLeads().filter((l) => l.locationId && l.offerCategoryId && l.offerId && l.consultantId);
    const all = await queryPipeline(tdb.db, { ...filtersFromParams({}, new Date(), ZONE), from: syncWindow(new Date(), ZONE).from }, ZONE, ALL_STORES);
    expect(all.total).toBe(listed.length);
    expect(all.total).toBeGreaterThan(250);
    for (const column of all.columns) expect(column.count).toBe(listed.filter((l) => l.status === column.status).length);
    const options = await getFilterOptions(tdb.db, ALL_STORES);
    expect(options.locations.every((l) => l.name !== l.id)).toBe(true);
    expect(options.consultants.length).toBeGreaterThan(1);
  });

  it('a sync survives a passing failure of one page (tried again), and records a lasting one', async () => {
    running.sandbox.setFaults('footprints', { failStatus: 503, failCount: 1, match: 'page=1' });
    const result = await syncLeads(tdb.db, deps, syncWindow(new Date(), ZONE), 'manual');
    expect(result.leads).toBeGreaterThan(250);
    running.sandbox.setFaults('footprints', { failStatus: 503, failCount: 5, match: 'page=1' });
    await expect(syncLeads(tdb.db, deps, syncWindow(new Date(), ZONE), 'manual')).rejects.toBeInstanceOf(VendorError);
    const state = await getSyncState(tdb.db);
    // A kind, translated where it is shown: no vendor operation or HTTP text, no sentence in one language.
    expect(state?.lastError).toBe('retryable');
    expect(state?.lastSuccessAt).toBeTruthy();
    running.sandbox.setFaults('footprints', { failStatus: null, failCount: null, match: null });
  });

  it('filters and searches: by e-mail, by status, by consultant, and sums offer values', async () => {
    const lead = (await getLeadRecord(tdb.db, SALE_LEAD_ID))!;
    const base = filtersFromParams({}, new Date(), ZONE);
    const byEmail = await queryPipeline(tdb.db, { ...base, q: lead.email!.toUpperCase() }, ZONE, ALL_STORES);
    expect(byEmail.rows.map((r) => r.id)).toEqual([SALE_LEAD_ID]);
    const byPhoneDigits = await queryPipeline(tdb.db, { ...base, q: lead.phone!.replace(/\D/g, '').slice(-6) }, ZONE, ALL_STORES);
    expect(byPhoneDigits.rows.map((r) => r.id)).toContain(SALE_LEAD_ID);
    const lost = await queryPipeline(tdb.db, { ...base, status: 'lost' }, ZONE, ALL_STORES);
    expect(lost.rows.every((r) => r.status === 'lost')).toBe(true);
    expect(lost.columns.filter((c) => c.status !== 'lost').every((c) => c.count === 0)).toBe(true);
    const mine = await queryPipeline(tdb.db, { ...base, consultant: lead.consultantId! }, ZONE, ALL_STORES);
    expect(mine.total).toBeGreaterThan(0);
    const expected = mine.rows.length === mine.total ? mine.rows.reduce((n, r) => n + (r.offerPrice ?? 0), 0) : undefined;
    if (expected !== undefined) expect(mine.columns.reduce((n, c) => n + c.offerValue, 0)).toBeCloseTo(expected, 2);
    const sorted = await queryPipeline(tdb.db, { ...base, sort: 'value', dir: 'desc' }, ZONE, ALL_STORES);
    const values = sorted.rows.map((r) => r.offerPrice ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('refuses customer without a contract and without a PDF, before calling the vendor, and audits the refusal', async () => {
    running.sandbox.getRequests().length = 0;
    const before = footprintsRequests().length;
    await expect(moveLead(tdb.db, deps, actor, { leadId: OPPORTUNITY_ID, to: 'customer' })).rejects.toBeInstanceOf(ValidationError);
    const noPdf = await moveLead(tdb.db, deps, actor, { leadId: OPPORTUNITY_ID, to: 'customer', contract }).catch((e: unknown) => e);
    expect(noPdf).toBeInstanceOf(ValidationError);
    expect((noPdf as ValidationError).fieldErrors.contractPdf).toBeDefined();
    expect(footprintsRequests().length).toBe(before);
    expect(sim.getLead(OPPORTUNITY_ID)!.status).toBe('opportunity');
    const audit = await listAudit(tdb.db, { action: 'leads.updateStatus', limit: 10, offset: 0 });
    expect(audit.rows.some((a) => a.outcome === 'refused' && a.targetId === OPPORTUNITY_ID)).toBe(true);
  });

  it('refuses a non-PDF renamed .pdf without sending it; after a real PDF the move reaches the vendor with the contract', async () => {
    const refused = await uploadDocuments(tdb.db, deps, actor, {
      leadId: OPPORTUNITY_ID,
      documentType: 'contracts',
      files: [{ name: 'contract.pdf', type: 'application/pdf', bytes: ZIP }],
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as Error).message).toMatch(/contract\.pdf is not a PDF/);
    expect(sim.listDocuments(OPPORTUNITY_ID)).toHaveLength(0);

    await uploadDocuments(tdb.db, deps, actor, { leadId: OPPORTUNITY_ID, documentType: 'contracts', files: [{ name: 'signed.pdf', type: 'application/pdf', bytes: PDF }] });
    expect(sim.listDocuments(OPPORTUNITY_ID).map((d) => [d.documentType, d.filename])).toEqual([['contracts', 'signed.pdf']]);

    const moved = await moveLead(tdb.db, deps, actor, { leadId: OPPORTUNITY_ID, to: 'customer', contract });
    expect(moved).toMatchObject({ from: 'opportunity', noop: false, lead: { status: 'customer', hasContract: true } });
    const vendor = sim.getLead(OPPORTUNITY_ID)!;
    expect(vendor.status).toBe('customer');
    expect(vendor.contract).toMatchObject(contract);
    const detail = (await getLeadDetail(tdb.db, ALL_STORES, actor, OPPORTUNITY_ID))!;
    expect(detail.record.status).toBe('customer');
    expect(detail.record.contractDescription).toBe(contract.contractDescription);
    expect(detail.history[0]).toMatchObject({ from: 'opportunity', to: 'customer', source: 'console', actorName: 'Demo Manager' });
    expect(detail.documents.map((d) => d.fileName)).toEqual(['signed.pdf']);
    const audit = await listAudit(tdb.db, { targetId: OPPORTUNITY_ID, limit: 20, offset: 0 });
    expect(audit.rows.map((a) => `${a.action}:${a.outcome}`)).toEqual(expect.arrayContaining(['leads.uploadDocuments:success', 'leads.uploadDocuments:refused', 'leads.updateStatus:success']));
  });

  it('moves to lost through the lost-lead endpoint with the reason, then the status', async () => {
    await expect(moveLead(tdb.db, deps, actor, { leadId: LEAD_ID, to: 'lost', lost: {} })).rejects.toBeInstanceOf(ValidationError);
    await moveLead(tdb.db, deps, actor, { leadId: LEAD_ID, to: 'lost', lost: { reasonLost: 'competition', comment: 'Bought next door' } });
    const vendor = sim.getLead(LEAD_ID)!;
    expect(vendor.status).toBe('lost');
    expect(vendor.lost).toMatchObject({ reasonLost: 'competition', comment: 'Bought next door' });
    const calls = footprintsRequests().filter((r) => r.path.includes(LEAD_ID)).map((r) => `${r.method} ${r.path}`);
    expect(calls.slice(-2)).toEqual([`PUT /api/lead/${LEAD_ID}/leadLost`, `PUT /api/lead/${LEAD_ID}`]);
    expect((await getLeadRecord(tdb.db, LEAD_ID))!).toMatchObject({ status: 'lost', reasonLost: 'competition', lostComment: 'Bought next door' });
  });

  it('a bulk move to customer cannot bypass the contract rule; a plain bulk move goes through', async () => {
    const bulk = await bulkMoveLeads(tdb.db, deps, actor, { leadIds: [LEAD_ID, SALE_LEAD_ID], to: 'customer' });
    expect(bulk.moved).toEqual([]);
    expect(bulk.refused.map((r) => r.id).sort()).toEqual([LEAD_ID, SALE_LEAD_ID].sort());
    expect(sim.getLead(LEAD_ID)!.status).toBe('lead');
    expect(sim.getLead(SALE_LEAD_ID)!.status).toBe('sale_lead');
    const plain = await bulkMoveLeads(tdb.db, deps, actor, { leadIds: [LEAD_ID, PROSPECT_ID], to: 'opportunity' });
    expect(plain.moved.map((m) => m.id).sort()).toEqual([LEAD_ID, PROSPECT_ID].sort());
    expect(sim.getLead(PROSPECT_ID)!.status).toBe('opportunity');
  });

  it('a vendor refusal changes nothing locally and is audited as a failure', async () => {
    running.sandbox.setFaults('footprints', { failStatus: 400, failCount: 1, match: SALE_LEAD_ID });
    const error = await moveLead(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, to: 'opportunity' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorError);
    expect((error as VendorError).retryable).toBe(false);
    expect((await getLeadRecord(tdb.db, SALE_LEAD_ID))!.status).toBe('sale_lead');
    expect(sim.getLead(SALE_LEAD_ID)!.status).toBe('sale_lead');
    const audit = await listAudit(tdb.db, { targetId: SALE_LEAD_ID, limit: 5, offset: 0 });
    expect(audit.rows[0]).toMatchObject({ action: 'leads.updateStatus', outcome: 'failure' });
  });

  it('NPS entries are dated events: a new score does not hide the older one', async () => {
    await recordNps(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, score: 4, comment: 'slow delivery' });
    await recordNps(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, score: 9 });
    expect(sim.listNps(SALE_LEAD_ID).map((n) => n.nps).slice(-2)).toEqual([4, 9]);
    const detail = (await getLeadDetail(tdb.db, ALL_STORES, actor, SALE_LEAD_ID))!;
    expect(detail.nps.filter((n) => n.source === 'console').map((n) => [n.score, n.comment])).toEqual([
      [4, 'slow delivery'],
      [9, null],
    ]);
    // The next sync sees score 9 at the vendor: no duplicate entry.
    await syncLeads(tdb.db, deps, syncWindow(new Date(), ZONE), 'manual');
    expect((await getLeadDetail(tdb.db, ALL_STORES, actor, SALE_LEAD_ID))!.nps.filter((n) => n.score === 9)).toHaveLength(1);
  });

  it('actions: added and edited with the vendor types, a document attached to one', async () => {
    const timeline = await getTimeline(deps, SALE_LEAD_ID);
    expect(timeline.types.length).toBeGreaterThan(1);
    const type = timeline.types[0];
    const { id } = await addAction(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, typeId: type.id, detail: 'Called back about the quote', date: '2026-05-10T14:30' });
    await uploadDocuments(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, documentType: 'offers', leadActionId: id, files: [{ name: 'quote.pdf', type: 'application/pdf', bytes: PDF }] });
    let entry = (await getTimeline(deps, SALE_LEAD_ID)).entries.find((e) => e.id === id)!;
    expect(entry).toMatchObject({ typeId: type.id, detail: 'Called back about the quote', localDate: '2026-05-10 14:30', attachments: ['quote.pdf'] });
    await editAction(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, actionId: id, typeId: timeline.types[1].id, detail: 'Called back, quote accepted', date: '2026-05-10T15:00' });
    entry = (await getTimeline(deps, SALE_LEAD_ID)).entries.find((e) => e.id === id)!;
    expect(entry).toMatchObject({ typeId: timeline.types[1].id, detail: 'Called back, quote accepted', localDate: '2026-05-10 15:00' });
    const audit = await listAudit(tdb.db, { targetId: SALE_LEAD_ID, limit: 20, offset: 0 });
    expect(audit.rows.map((a) => a.action)).toEqual(expect.arrayContaining(['leads.addAction', 'leads.editAction']));
  });

  it('a status changed in Footprints is noted by the next sync as history', async () => {
    const token = deps.accessToken;
    await client.updateLead(token, PROSPECT_ID, { status: 'sale_lead' });
    await syncLeads(tdb.db, deps, syncWindow(new Date(), ZONE), 'manual');
    const detail = (await getLeadDetail(tdb.db, ALL_STORES, actor, PROSPECT_ID))!;
    expect(detail.record.status).toBe('sale_lead');
    expect(detail.history[0]).toMatchObject({ to: 'sale_lead', source: 'sync' });
  });
});
