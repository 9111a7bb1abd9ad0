/**
 * Issue 13, point 1: exactly one Footprints lead per capture even when Footprints' answer to add-lead is lost.
 * Against the Footprints simulator over real HTTP ("accept, then cut the connection" fault), on PGlite and,
 * with TEST_DATABASE_URL, on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveCaptureCheck } from '@/lib/admin/resolve-capture-check';
import { listQueue } from '@/lib/admin/queries';
import { listAudit } from '@/lib/audit';
import { loadConfig } from '@/lib/config';
import { outboxJobs } from '@/lib/db/schema';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { ConflictError } from '@/lib/errors';
import { setLogSink } from '@/lib/log';
import { deliverNow, getJob, listJobsByCorrelation } from '@/lib/outbox';
import type { FootprintsSimulator } from '@/lib/sandbox/footprints';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { createVendorClients } from '@/lib/vendors/clients';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import { CONSENT_WORDING_VERSION } from './consent-wording';
import { registerCaptureHandlers, leadCorrelation } from './delivery';
import { emptyCaptureForm, type CaptureFormValues } from './inputs';
import { listMySubmissionsToday } from './queries';
import { captureSubmissions } from './schema';
import { submitCapture, type CaptureStaff } from './submit';
import { createTokenSource } from './tokens';

let running: RunningSandbox;
let footprints: FootprintsClient;
let restoreSink: ReturnType<typeof setLogSink> | undefined;
const fpSim = () => running.sandbox.simulators.footprints as FootprintsSimulator;

beforeAll(async () => {
  restoreSink = setLogSink(() => undefined);
  running = await startSandboxServer();
  const config = loadConfig({ SANDBOX: '1', SANDBOX_ORIGIN: running.origin, VENDOR_TIMEOUT_MS: '5000' });
  const clients = createVendorClients(config);
  footprints = clients.footprints;
  registerCaptureHandlers({ footprints: () => footprints, netcore: () => clients.netcore, tokens: createTokenSource(() => footprints, () => 'lost-answer-test-secret-lost-answer') });
});
afterAll(async () => {
  await running.close();
  if (restoreSink) setLogSink(restoreSink);
});
afterEach(() => running.sandbox.reset());

const staff: CaptureStaff = { subject: 'hostess:5b30cb85e1267446c5784b75', name: 'Ioana Hostess', userAgent: 'TabletBrowser/1.0' };
const ctx = { storeTimezone: 'Europe/Bucharest', locationName: 'Store One', settleTimeoutMs: 120_000 };
const admin = { id: 'user:admin', name: 'Admin One', role: 'admin' };
const otherAdmin = { id: 'user:admin2', name: 'Admin Two', role: 'admin' };

async function catalogueIds() {
  const token = (await footprints.tokenWithClientCredentials()).accessToken;
  const offers = await footprints.listAll(token, 'offers');
  const offer = offers.find((o) => o.offerCategory?._id)!;
  const [location] = await footprints.listLocations(token);
  const [consultant] = await footprints.listBusinessUsers(token);
  return { offerId: offer._id, offerCategoryId: offer.offerCategory!._id, locationId: location._id, consultantId: consultant._id };
}

function form(overrides: Partial<CaptureFormValues> = {}): CaptureFormValues {
  return {
    ...emptyCaptureForm(randomUUID(), CONSENT_WORDING_VERSION),
    firstName: 'Lost',
    lastName: 'Answer',
    email: `lost.${randomUUID().slice(0, 8)}@example.com`,
    phone: `07${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    agreeTerms: true,
    agreePrivacy: true,
    createdAt: new Date().toISOString(),
    timezone: 'Europe/Bucharest',
    ...overrides,
  };
}

/** The next add-lead is stored by Footprints, and its answer never arrives. */
const cutNextAddLead = () => running.sandbox.setFaults('footprints', { cutCount: 1, match: '/api/lead?' });
/** The next add-lead fails with a 500 before the simulator sees it: nothing is stored, yet the client cannot know. */
const fail500NextAddLead = () => running.sandbox.setFaults('footprints', { failStatus: 500, failCount: 1, match: '/api/lead?' });

describe.each(testEngines)('a lost add-lead answer on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function submissionOf(id: string) {
    const [row] = await t.db.select().from(captureSubmissions).where(eq(captureSubmissions.id, id));
    return row;
  }
  async function captureWithLostAnswer(values: CaptureFormValues, fault: () => void) {
    fault();
    const outcome = await submitCapture(t.db, values, staff, ctx);
    expect(outcome.state).toBe('waiting');
    const row = await submissionOf(outcome.submissionId);
    // Not a blind retry: the submission says it is being checked, and the job waits for its next attempt.
    expect(row.syncState).toBe('checking');
    expect(row.footprintsLeadId).toBeNull();
    const job = (await getJob(t.db, row.outboxJobId!))!;
    expect(job.status).toBe('queued');
    return { submissionId: outcome.submissionId, jobId: job.id };
  }
  const leadsAtFootprints = (email: string) => fpSim().listLeads({ email });

  it('a capture whose answer was cut ends as exactly one lead, found again by its key', async () => {
    const values = form(await catalogueIds());
    const { submissionId, jobId } = await captureWithLostAnswer(values, cutNextAddLead);
    const [stored] = leadsAtFootprints(values.email);
    expect(stored.customDetails).toEqual({ storedeskCaptureKey: values.idempotencyKey });
    // The hostess sees "Checking" in her list.
    const mine = await listMySubmissionsToday(t.db, staff.subject, 'Europe/Bucharest');
    expect(mine.find((s) => s.id === submissionId)).toMatchObject({ state: 'checking' });

    const job = await deliverNow(t.db, jobId);
    expect(job?.status).toBe('done');
    expect(leadsAtFootprints(values.email)).toHaveLength(1);
    const row = await submissionOf(submissionId);
    expect(row).toMatchObject({ syncState: 'sent', footprintsLeadId: stored._id });
    // Exactly one add-lead reached the simulator (the second attempt only listed the day).
    const posts = (await running.sandbox.getRequestsCarrying('footprints', values.idempotencyKey)).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    // And the capture's follow-ups are queued for the adopted lead.
    expect((await listJobsByCorrelation(t.db, leadCorrelation(stored._id))).map((j) => j.kind)).toContain('netcore.activity');
  });

  it('when the list does not show customDetails, it is found by e-mail/phone and createdAt', async () => {
    fpSim().configure({ echoCustomDetails: false });
    const values = form(await catalogueIds());
    const { submissionId, jobId } = await captureWithLostAnswer(values, cutNextAddLead);
    const job = await deliverNow(t.db, jobId);
    expect(job?.status).toBe('done');
    const leads = leadsAtFootprints(values.email);
    expect(leads).toHaveLength(1);
    expect((await submissionOf(submissionId)).footprintsLeadId).toBe(leads[0]._id);
  });

  it('a capture that is certainly not at Footprints is posted again: one lead', async () => {
    const values = form(await catalogueIds());
    const { submissionId, jobId } = await captureWithLostAnswer(values, fail500NextAddLead);
    expect(leadsAtFootprints(values.email)).toHaveLength(0);
    const job = await deliverNow(t.db, jobId);
    expect(job?.status).toBe('done');
    const leads = leadsAtFootprints(values.email);
    expect(leads).toHaveLength(1);
    expect(await submissionOf(submissionId)).toMatchObject({ syncState: 'sent', footprintsLeadId: leads[0]._id });
  });

  it('a capture the list cannot show waits for a person; "It\'s this one" resolves it exactly once, audited', async () => {
    // No consultant: Footprints' list never shows this lead, so "not in the list" proves nothing.
    const { consultantId: _, ...ids } = await catalogueIds();
    const values = form(ids);
    const { submissionId, jobId } = await captureWithLostAnswer(values, cutNextAddLead);
    const held = await deliverNow(t.db, jobId);
    expect(held?.status).toBe('needs_person');
    const [stored] = leadsAtFootprints(values.email);
    expect(leadsAtFootprints(values.email)).toHaveLength(1);
    // The admin sees why (a kind, worded on /admin/queue in the admin's language) with the capture (masked); the hostess still sees "Checking".
    const queue = await listQueue(t.db, { status: 'needs_person', page: 1 });
    const row = queue.rows.find((r) => r.id === jobId)!;
    expect(row.check?.why).toBe('not_listable');
    expect(row.check?.capture).toMatchObject({ name: 'Lost A.', capturedBy: 'Ioana Hostess' });
    expect(JSON.stringify(row)).not.toContain(values.email);
    const mine = await listMySubmissionsToday(t.db, staff.subject, 'Europe/Bucharest');
    expect(mine.find((s) => s.id === submissionId)).toMatchObject({ state: 'checking' });

    await resolveCaptureCheck(t.db, admin, jobId, { choice: 'adopt', leadId: stored._id });
    // A second click, or a second admin, changes nothing and is told so.
    await expect(resolveCaptureCheck(t.db, otherAdmin, jobId, { choice: 'resend' })).rejects.toBeInstanceOf(ConflictError);
    await expect(resolveCaptureCheck(t.db, admin, jobId, { choice: 'adopt', leadId: stored._id })).rejects.toThrow(/already been resolved/);

    const done = await deliverNow(t.db, jobId);
    expect(done?.status).toBe('done');
    expect(leadsAtFootprints(values.email)).toHaveLength(1);
    expect(await submissionOf(submissionId)).toMatchObject({ syncState: 'sent', footprintsLeadId: stored._id });
    const audit = await listAudit(t.db, { action: 'admin.resolveCaptureCheck', limit: 10, offset: 0 });
    const mineAudit = audit.rows.filter((r) => r.targetId === jobId);
    expect(mineAudit.filter((r) => r.outcome === 'success')).toHaveLength(1);
    expect(mineAudit.filter((r) => r.outcome === 'refused')).toHaveLength(2);
    expect(mineAudit.find((r) => r.outcome === 'success')).toMatchObject({ actorId: admin.id, detail: expect.objectContaining({ choice: 'adopt', leadId: stored._id }) });
  });

  it('"Send it again" posts it once more and resolves it exactly once, audited', async () => {
    const { consultantId: _, ...ids } = await catalogueIds();
    const values = form(ids);
    const { submissionId, jobId } = await captureWithLostAnswer(values, fail500NextAddLead);
    expect((await deliverNow(t.db, jobId))?.status).toBe('needs_person');
    expect(leadsAtFootprints(values.email)).toHaveLength(0);

    await resolveCaptureCheck(t.db, admin, jobId, { choice: 'resend' });
    await expect(resolveCaptureCheck(t.db, otherAdmin, jobId, { choice: 'resend' })).rejects.toBeInstanceOf(ConflictError);
    expect((await getJob(t.db, jobId))?.status).toBe('queued');

    expect((await deliverNow(t.db, jobId))?.status).toBe('done');
    const leads = leadsAtFootprints(values.email);
    expect(leads).toHaveLength(1);
    expect(await submissionOf(submissionId)).toMatchObject({ syncState: 'sent', footprintsLeadId: leads[0]._id });
    const audit = await listAudit(t.db, { action: 'admin.resolveCaptureCheck', limit: 10, offset: 0 });
    const forJob = audit.rows.filter((r) => r.targetId === jobId);
    expect(forJob.map((r) => r.outcome).sort()).toEqual(['refused', 'success']);
  });

  it('a crash in the middle of an add-lead (the mark left, no answer recorded) is checked before posting', async () => {
    const values = form(await catalogueIds());
    // The first attempt reached Footprints; the process died before recording the answer.
    running.sandbox.setFaults('footprints', { cutCount: 1, match: '/api/lead?' });
    const outcome = await submitCapture(t.db, values, staff, ctx);
    const row = await submissionOf(outcome.submissionId);
    // As if the crash came before even the 'checking' mark: only the posted-at mark remains.
    await t.db.update(captureSubmissions).set({ syncState: 'waiting' }).where(eq(captureSubmissions.id, row.id));
    await t.db.update(outboxJobs).set({ status: 'queued' }).where(eq(outboxJobs.id, row.outboxJobId!));
    expect((await deliverNow(t.db, row.outboxJobId!))?.status).toBe('done');
    expect(leadsAtFootprints(values.email)).toHaveLength(1);
  });
});
