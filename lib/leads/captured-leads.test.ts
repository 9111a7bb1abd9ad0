/**
 * Issue 19.2: a lead captured with the required fields only (no offer, no consultant) reaches the pipeline
 * from the add-lead answer at delivery, survives every sync although Footprints' list omits it, shows what it
 * lacks, and once the manager completes it (Update Lead) Footprints lists it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALL_STORES } from '@/lib/auth/stores';
import { listAudit } from '@/lib/audit';
import { CONSENT_WORDING_VERSION } from '@/lib/capture/consent-wording';
import { registerCaptureHandlers } from '@/lib/capture/delivery';
import { emptyCaptureForm } from '@/lib/capture/inputs';
import { submitCapture } from '@/lib/capture/submit';
import { createTokenSource } from '@/lib/capture/tokens';
import { loadConfig } from '@/lib/config';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { ValidationError } from '@/lib/errors';
import { setLogSink } from '@/lib/log';
import type { FootprintsSimulator } from '@/lib/sandbox/footprints';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { createVendorClients } from '@/lib/vendors/clients';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import { completeLead, getCompletionOptions } from './complete-lead';
import { filtersFromParams } from './filters';
import { getLeadRecord, queryPipeline, removeUnlisted } from './read-model';
import { leadRecords } from './schema';
import { recordCapturedLead } from './record-captured-lead';
import { syncLeads, syncWindow } from './sync';
import type { LeadDeps } from './deps';

const ZONE = 'Europe/Bucharest';
const AUTH_SECRET = 'pipeline-test-secret-pipeline-test-secret';
const actor = { id: 'user:manager', name: 'Demo Manager', role: 'manager' };
const staff = { subject: 'hostess:5b30cb85e1267446c5784b75', name: 'Ioana Hostess', userAgent: 'TabletBrowser/1.0' };

let running: RunningSandbox;
let footprints: FootprintsClient;
let restoreSink: ReturnType<typeof setLogSink> | undefined;
const fpSim = () => running.sandbox.simulators.footprints as FootprintsSimulator;

beforeAll(async () => {
  restoreSink = setLogSink(() => undefined);
  running = await startSandboxServer();
  const config = loadConfig({ SANDBOX: '1', SANDBOX_ORIGIN: running.origin, VENDOR_TIMEOUT_MS: '5000' });
  footprints = createVendorClients(config).footprints;
  registerCaptureHandlers({ footprints: () => footprints, tokens: createTokenSource(() => footprints, () => AUTH_SECRET) });
});
afterAll(async () => {
  await running.close();
  if (restoreSink) setLogSink(restoreSink);
});
afterEach(() => running.sandbox.reset());

/** Is the lead in Footprints' own list (GET /api/lead) for today? */
async function vendorLists(deps: LeadDeps, id: string): Promise<boolean> {
  const today = syncWindow(new Date(), ZONE).to;
  const page = await footprints.getLeads(deps.accessToken, { startDate: today, endDate: today, page: 1, pageSize: 500 });
  return page.leads.some((l) => l._id === id);
}

describe.each(testEngines)('captured leads in the pipeline on %s', (engine) => {
  let t: TestDb;
  let deps: LeadDeps;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('a lead captured without offer or consultant is in the pipeline, survives a sync, and is listed once completed', async () => {
    deps = { client: footprints, accessToken: (await footprints.tokenWithPassword('manager', 'manager-demo')).accessToken, scope: ALL_STORES, timeZone: ZONE };
    const email = `dana.${randomUUID().slice(0, 8)}@example.com`;
    const values = { ...emptyCaptureForm(randomUUID(), CONSENT_WORDING_VERSION), firstName: 'Dana', lastName: 'Șerban', email, agreeTerms: true, agreePrivacy: true, createdAt: new Date().toISOString(), timezone: ZONE };
    const outcome = await submitCapture(t.db, values, staff, { storeTimezone: ZONE, locationName: null, settleTimeoutMs: 3000 });
    expect(outcome.state).toBe('sent');
    if (outcome.state !== 'sent') return;
    const id = outcome.footprintsLeadId;

    // Footprints follows its doc: the list leaves it out.
    expect(await vendorLists(deps, id)).toBe(false);

    // In the read model from the add-lead answer, even after a sync of today that does not list it.
    await syncLeads(t.db, deps, syncWindow(new Date(), ZONE), 'manual');
    const record = await getLeadRecord(t.db, id);
    expect(record).toMatchObject({ id, status: 'lead', firstName: 'Dana', lastName: 'Șerban', email, origin: 'capture' });
    const found = await queryPipeline(t.db, { ...filtersFromParams({}, new Date(), ZONE), q: email }, ZONE, ALL_STORES);
    expect(found.rows.map((r) => [r.id, r.missing])).toEqual([[id, ['location', 'category', 'offer', 'consultant']]]);

    // Completing needs all four; a missing one is named beside its field.
    const options = await getCompletionOptions(deps);
    const offer = options.offers.find((o) => o.categoryId)!;
    const error = await completeLead(t.db, deps, actor, { leadId: id, offerId: offer.id, offerCategoryId: offer.categoryId! }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(['consultantId', 'locationId']);
    const otherCategory = options.categories.find((c) => c.id !== offer.categoryId)!;
    const wrong = await completeLead(t.db, deps, actor, {
      leadId: id,
      offerId: offer.id,
      offerCategoryId: otherCategory.id,
      consultantId: options.consultants[0].id,
      locationId: options.locations[0].id,
    }).catch((e) => e);
    expect((wrong as ValidationError).fieldErrors.offerId?.[0]).toContain('not in');
    expect(await vendorLists(deps, id)).toBe(false);

    const done = await completeLead(t.db, deps, actor, {
      leadId: id,
      offerId: offer.id,
      offerCategoryId: offer.categoryId!,
      consultantId: options.consultants[0].id,
      locationId: options.locations[0].id,
    });
    expect(done.missing).toEqual([]);
    expect(done.offerName).toBe(offer.name);
    expect(done.consultantName).toBe(options.consultants[0].name);
    expect(fpSim().getLead(id)).toMatchObject({ offerId: offer.id, offerCategoryId: offer.categoryId, consultantId: options.consultants[0].id, locationId: options.locations[0].id });
    expect(await vendorLists(deps, id)).toBe(true);

    // The next sync reads it from the list and keeps it whole.
    await syncLeads(t.db, deps, syncWindow(new Date(), ZONE), 'manual');
    expect(await getLeadRecord(t.db, id)).toMatchObject({ offerId: offer.id, consultantId: options.consultants[0].id, origin: 'capture' });
    const audit = await listAudit(t.db, { action: 'leads.complete', limit: 50, offset: 0 });
    expect(audit.rows.map((r) => r.outcome).sort()).toEqual(['refused', 'refused', 'success']);
  });

  it('recording a captured lead twice, or after the sync listed it, changes nothing', async () => {
    const id = 'cafe0000000000000000beef';
    const capturedAt = new Date();
    expect(await recordCapturedLead(t.db, { footprintsLeadId: id, sent: { userFirstName: 'Ion', userEmail: 'ion@example.com' }, capturedAt })).toBe(true);
    expect(await recordCapturedLead(t.db, { footprintsLeadId: id, sent: { userFirstName: 'Changed' }, capturedAt })).toBe(false);
    expect((await getLeadRecord(t.db, id))?.firstName).toBe('Ion');
  });

  it('a lead the vendor stops listing is removed by the sync, unless the console captured it', async () => {
    const old = new Date(Date.now() - 60_000);
    const base = { status: 'lead', vendorCreatedAt: old, syncedAt: old };
    await t.db.insert(leadRecords).values([
      { ...base, id: 'aaaa0000000000000000aaaa', origin: 'vendor' },
      { ...base, id: 'bbbb0000000000000000bbbb', origin: 'capture' },
    ]);
    await removeUnlisted(t.db, { start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 3_600_000) }, new Date(), ALL_STORES);
    expect(await getLeadRecord(t.db, 'aaaa0000000000000000aaaa')).toBeNull();
    expect(await getLeadRecord(t.db, 'bbbb0000000000000000bbbb')).not.toBeNull();
  });
});
