/**
 * The privacy desk's use cases on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set),
 * against the Netcore and Footprints simulators over real HTTP.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSeries, seriesMoved } from '@/lib/testing/metrics';
import { listAudit } from '@/lib/audit';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { ValidationError } from '@/lib/errors';
import { setLogSink } from '@/lib/log';
import { DEMO_PEOPLE } from '@/lib/sandbox/demo-people';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET, SANDBOX_NETCORE_API_KEY } from '@/lib/sandbox/demo-staff';
import { NETCORE_SANDBOX_ACCOUNT_TIMEZONE, type NetcoreApiSimulator } from '@/lib/sandbox/netcore';
import { formatNetcoreActivityDate, localDateKey } from '@/lib/sandbox/netcore/seed';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { createFootprintsClient } from '@/lib/vendors/footprints';
import { createNetcoreClient, type NetcoreClient } from '@/lib/vendors/netcore';
import { listCases } from './case-records';
import { createCase } from './create-case';
import { fetchSubjectProfile } from './fetch-subject-profile';
import { lookupRequestSchema } from './inputs';
import { listLookups } from './lookup-records';
import { recordExport } from './record-export';
import { revealCaseSubject } from './reveal-case-subject';
import { runLookupWindow } from './run-lookup-window';
import { startLookup } from './start-lookup';
import { updateCase } from './update-case';
import { runPool } from './pool';
import { mergeActivities, type ActivityRow } from './results';
import { privacyCases, privacyLookupWindows, privacyLookups } from './schema';
import { addDays, formatIsoDate, isoToDdmmyyyy, parseIsoDate } from '@/lib/vendors/netcore/window-rule';
import { todayInZone } from '@/lib/dates';
import { PRIVACY_ERRORS } from './errors';

const tz = NETCORE_SANDBOX_ACCOUNT_TIMEZONE;
const support = { id: 'user:support', name: 'Sam Support', role: 'support' };
const ana = DEMO_PEOPLE[0];
const elena = DEMO_PEOPLE[2];

let running: RunningSandbox;
let netcore: NetcoreClient;
let restoreLog: ReturnType<typeof setLogSink>;

const today = () => todayInZone(tz);
const daysAgo = (n: number) => formatIsoDate(addDays(parseIsoDate(today())!, -n));
const apiSim = () => running.sandbox.simulators['netcore-api'] as NetcoreApiSimulator;
const netcoreRequests = () => running.sandbox.getRequests('netcore-api').length;
const footprintsSim = () => running.sandbox.simulators.footprints as unknown as { listLeads(): { person: { userEmail?: string | null }; locationId?: string | null }[] };

/** What the simulator holds for a person, channel and period, as (activity, message id, raw date) keys. */
function seeded(email: string, channel: 'email' | 'sms', from: string, to: string): string[] {
  const lo = Number(from.replace(/-/g, ''));
  const hi = Number(to.replace(/-/g, ''));
  return apiSim()
    .channelActivity(email)
    .filter((e) => e.channel === channel && localDateKey(e.at, tz) >= lo && localDateKey(e.at, tz) <= hi)
    .map((e) => `${channel}|${e.activity}|${e.messageId}|${formatNetcoreActivityDate(e.at, tz)}`)
    .sort();
}
const keysOf = (rows: ActivityRow[]) => rows.map((r) => `${r.channel}|${r.activity}|${r.messageId}|${r.rawDate}`).sort();

beforeAll(async () => {
  restoreLog = setLogSink(() => {});
  running = await startSandboxServer();
  netcore = createNetcoreClient({
    apiBaseUrl: `${running.origin}/sandbox/netcore-api/apiv2`,
    activityBaseUrl: `${running.origin}/sandbox/netcore-activity`,
    apiKey: SANDBOX_NETCORE_API_KEY,
    assetId: 'sandbox-asset',
    timeoutMs: 5000,
    timeZone: tz,
  });
});
afterAll(async () => {
  setLogSink(restoreLog);
  await running.close();
});

describe.each(testEngines)('privacy desk on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(() => {
    running.sandbox.reset();
  });

  const newCase = (email: string | null = ana.email, phone: string | null = ana.phone) =>
    createCase(t.db, support, { subjectEmail: email ?? undefined, subjectPhone: phone ?? undefined, receivedOn: daysAgo(3), notes: '' });

  async function runAll(lookupId: string, windowIds: string[], limit = 3) {
    const outcomes = await runPool(windowIds, limit, (windowId) => runLookupWindow(t.db, { netcore }, support, { lookupId, windowId }));
    return outcomes.map((o) => {
      if (!o.ok) throw o.error;
      return o.value!;
    });
  }

  it('opens a case with a reference and a due date one month after receipt, lists it masked, filters and searches', async () => {
    const created = await newCase();
    expect(created.reference).toMatch(/^DSAR-\d{6}-[A-Z2-9]{4}$/);
    const page = await listCases(t.db, { reference: created.reference.slice(-4) }, today());
    const row = page.rows.find((r) => r.id === created.id)!;
    expect(row.maskedEmail).toBe('a••••••••u@example.com');
    expect(row.maskedPhone).toBe('07••••••01');
    expect(JSON.stringify(page)).not.toContain(ana.email);
    expect(row.status).toBe('open');
    expect(row.daysLeft).toBeGreaterThanOrEqual(25);
    expect((await listCases(t.db, { status: 'closed' }, today())).rows.some((r) => r.id === created.id)).toBe(false);
    await updateCase(t.db, support, { caseId: created.id, status: 'closed', notes: 'replied by post' });
    expect((await listCases(t.db, { status: 'closed' }, today())).rows.map((r) => r.id)).toContain(created.id);
    expect((await listCases(t.db, { reference: 'NO-SUCH-REF' }, today())).total).toBe(0);
  });

  it('a 7-day single range returns the seeded activity of both channels, dates read in the store zone', async () => {
    const kase = await newCase();
    const from = daysAgo(6);
    const to = today();
    const lookup = await startLookup(t.db, support, { caseId: kase.id, channel: 'both', from, to, mode: 'single' }, today());
    expect(lookup.windows.map((w) => [w.channel, w.from, w.to, w.state])).toEqual([
      ['email', from, to, 'never_asked'],
      ['sms', from, to, 'never_asked'],
    ]);
    const results = await runAll(
      lookup.id,
      lookup.windows.map((w) => w.id),
    );
    const rows = mergeActivities(results.map((r) => r.rows));
    const expected = [...seeded(ana.email, 'email', from, to), ...seeded(ana.email, 'sms', from, to)].sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(keysOf(rows)).toEqual(expected);
    // Every raw date is kept and read into an instant.
    for (const r of rows) expect(r.at, r.rawDate).toMatch(/Z$/);
    // The case moved to in progress; each window records its count.
    const [stored] = await listLookups(t.db, kase.id);
    expect(stored.windows.map((w) => w.state)).toEqual(['answered', 'answered']);
    expect(stored.windows.reduce((n, w) => n + (w.activityCount ?? 0), 0)).toBe(rows.length);
    expect((await listCases(t.db, { reference: kase.reference }, today())).rows[0].status).toBe('in_progress');
  });

  it('an 8-day single range is refused by the action schema and the use case, stores nothing and sends nothing', async () => {
    const kase = await newCase();
    const input = { caseId: kase.id, channel: 'email' as const, from: daysAgo(7), to: today(), mode: 'single' as const };
    const parsed = lookupRequestSchema(today).safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toContain('at most 7 days');
    await expect(startLookup(t.db, support, input, today())).rejects.toThrow(ValidationError);
    await expect(startLookup(t.db, support, input, today())).rejects.toThrow(/covers 8 days.*at most 7 days.*Split longer periods/);
    expect(await listLookups(t.db, kase.id)).toEqual([]);
    expect(netcoreRequests()).toBe(0);
    // The same period split is accepted: 2 windows.
    expect(lookupRequestSchema(today).safeParse({ ...input, mode: 'split' }).success).toBe(true);
  });

  it('a 30-day split makes 5 legal windows per channel, runs at most 3 at once, and the union has no duplicates', async () => {
    const kase = await newCase();
    const from = daysAgo(29);
    const to = today();
    const lookup = await startLookup(t.db, support, { caseId: kase.id, channel: 'both', from, to, mode: 'split' }, today());
    const email = lookup.windows.filter((w) => w.channel === 'email');
    expect(email.map((w) => w.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(email[0].from).toBe(from);
    expect(email[4].to).toBe(to);
    // Count requests in flight at the client boundary: the pool keeps exactly 3 busy.
    let inFlight = 0;
    let peak = 0;
    const counting = {
      getUserChannelActivity: async (q: Parameters<NetcoreClient['getUserChannelActivity']>[0]) => {
        peak = Math.max(peak, ++inFlight);
        try {
          return await netcore.getUserChannelActivity(q);
        } finally {
          inFlight--;
        }
      },
    };
    running.sandbox.setFaults('netcore-api', { latencyMs: 50 });
    const results = (
      await runPool(lookup.windows, 3, (w) => runLookupWindow(t.db, { netcore: counting }, support, { lookupId: lookup.id, windowId: w.id }))
    ).map((o) => o.value!);
    expect(peak).toBe(3);
    expect(netcoreRequests()).toBe(10);
    const rows = mergeActivities(results.map((r) => r.rows));
    const expected = [...seeded(ana.email, 'email', from, to), ...seeded(ana.email, 'sms', from, to)].sort();
    expect(keysOf(rows)).toEqual(expected);
    expect(new Set(keysOf(rows)).size).toBe(rows.length);
    // Merging the same answers twice adds nothing.
    expect(mergeActivities([...results.map((r) => r.rows), ...results.map((r) => r.rows)])).toHaveLength(rows.length);
    // Sorted by activity time.
    const instants = rows.map((r) => r.at!);
    expect([...instants].sort()).toEqual(instants);
  });

  it('records a failing window with its reason; a retry fills it; the statement follows', async () => {
    const kase = await newCase();
    const lookup = await startLookup(t.db, support, { caseId: kase.id, channel: 'email', from: daysAgo(20), to: today(), mode: 'split' }, today());
    const broken = lookup.windows[1];
    running.sandbox.setFaults('netcore-api', { failStatus: 500, match: `"from_date":"${isoToDdmmyyyy(broken.from)}"` });
    const series = { ok: ['storedesk_privacy_lookups_total', { outcome: 'ok' }], failed: ['storedesk_privacy_lookups_total', { outcome: 'failed' }] } as const;
    const before = await readSeries(series);
    const first = await runAll(
      lookup.id,
      lookup.windows.map((w) => w.id),
    );
    expect(first.map((r) => r.window.state)).toEqual(['answered', 'failed', 'answered']);
    // Metrics (issue 17): privacy look-up windows by outcome.
    expect(await seriesMoved(series, before)).toEqual({ ok: 2, failed: 1 });
    expect(first[1].window.failureReason).toBe('not_answering');
    expect(first[1].rows).toEqual([]);
    let [stored] = await listLookups(t.db, kase.id);
    expect(stored.windows.map((w) => w.state)).toEqual(['answered', 'failed', 'answered']);

    running.sandbox.setFaults('netcore-api', { failStatus: null, match: null });
    const retry = await runLookupWindow(t.db, { netcore }, support, { lookupId: lookup.id, windowId: broken.id });
    expect(retry.window).toMatchObject({ state: 'answered', attempts: 2, failureReason: null });
    expect(keysOf(retry.rows)).toEqual(seeded(ana.email, 'email', broken.from, broken.to));
    [stored] = await listLookups(t.db, kase.id);
    expect(stored.windows.map((w) => w.state)).toEqual(['answered', 'answered', 'answered']);
  });

  it('persists every window state so a lookup resumes where it stopped', async () => {
    const kase = await newCase(elena.email, null);
    const lookup = await startLookup(t.db, support, { caseId: kase.id, channel: 'sms', from: daysAgo(34), to: today(), mode: 'split' }, today());
    expect(lookup.windows).toHaveLength(5);
    await runAll(lookup.id, [lookup.windows[0].id, lookup.windows[1].id]);
    // A new page load reads the case: two answered with counts, three never asked.
    const [resumed] = await listLookups(t.db, kase.id);
    expect(resumed.windows.map((w) => w.state)).toEqual(['answered', 'answered', 'never_asked', 'never_asked', 'never_asked']);
    expect(resumed.windows[0].activityCount).toBe(seeded(elena.email, 'sms', lookup.windows[0].from, lookup.windows[0].to).length);
    const before = netcoreRequests();
    const rest = resumed.windows.filter((w) => w.state === 'never_asked').map((w) => w.id);
    await runAll(lookup.id, rest);
    expect(netcoreRequests() - before).toBe(3);
    const [done] = await listLookups(t.db, kase.id);
    expect(done.windows.every((w) => w.state === 'answered')).toBe(true);
  });

  it('keeps what was asked, when, by whom, the windows and the counts — never the activity rows', async () => {
    const kase = await newCase();
    const lookup = await startLookup(t.db, support, { caseId: kase.id, channel: 'email', from: daysAgo(13), to: today(), mode: 'split' }, today());
    const results = await runAll(
      lookup.id,
      lookup.windows.map((w) => w.id),
    );
    const rows = results.flatMap((r) => r.rows);
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify([
      await t.db.select().from(privacyCases),
      await t.db.select().from(privacyLookups),
      await t.db.select().from(privacyLookupWindows),
      (await listAudit(t.db, { limit: 500, offset: 0 })).rows,
    ]);
    for (const r of rows) {
      expect(stored).not.toContain(r.rawDate);
      if (r.messageName) expect(stored).not.toContain(r.messageName);
      if (r.ip) expect(stored).not.toContain(r.ip);
    }
    const [l] = await listLookups(t.db, kase.id);
    expect(l.requestedByName).toBe('Sam Support');
    expect(l.windows.map((w) => w.activityCount)).toEqual(results.map((r) => r.rows.length));
    const [w0] = await t.db.select().from(privacyLookupWindows).where((await import('drizzle-orm')).eq(privacyLookupWindows.id, l.windows[0].id));
    expect(w0.askedBy).toBe('user:support');
    expect(w0.askedAt).toBeInstanceOf(Date);
    expect(Object.values(w0.countsByType ?? {}).reduce((a, b) => a + b, 0)).toBe(w0.activityCount);
  });

  it('audits every lookup, window, export, reveal and profile fetch with the case reference, without personal data', async () => {
    const kase = await newCase();
    const lookup = await startLookup(t.db, support, { caseId: kase.id, channel: 'email', from: daysAgo(3), to: today(), mode: 'single' }, today());
    await runAll(
      lookup.id,
      lookup.windows.map((w) => w.id),
    );
    const envelope = await recordExport(t.db, support, { lookupId: lookup.id, format: 'csv', rowCount: 4, windowsAnswered: 1, windowsFailed: 0, windowsNeverAsked: 0 }, tz);
    expect(envelope).toMatchObject({ reference: kase.reference, subject: { email: ana.email, phone: ana.phone }, timeZone: tz });
    const revealed = await revealCaseSubject(t.db, support, kase.id);
    expect(revealed).toEqual({ reference: kase.reference, email: ana.email, phone: ana.phone });
    const events = (await listAudit(t.db, { targetId: kase.reference, limit: 100, offset: 0 })).rows;
    const actions = events.map((e) => e.action).sort();
    expect(actions).toEqual(['privacy.case.create', 'privacy.export', 'privacy.lookup.start', 'privacy.lookup.window', 'privacy.reveal']);
    expect(events.every((e) => e.targetType === 'privacy_case' && e.actorId === 'user:support')).toBe(true);
    expect(events.find((e) => e.action === 'privacy.export')?.detail).toMatchObject({ format: 'csv', rows: 4 });
    // Which stores' data was included: Netcore's activity covers every store.
    expect(events.find((e) => e.action === 'privacy.lookup.start')?.detail).toMatchObject({ stores: 'all' });
    expect(events.find((e) => e.action === 'privacy.lookup.window')?.detail).toMatchObject({ stores: 'all' });
    const text = JSON.stringify(events);
    expect(text).not.toContain(ana.email);
    expect(text).not.toContain(ana.phone);
    const [l] = await listLookups(t.db, kase.id);
    expect(l.exportedAt).not.toBeNull();
  });

  it('fetches the Footprints profile by e-mail and phone (audited), and needs both', async () => {
    const footprints = createFootprintsClient({
      baseUrl: `${running.origin}/sandbox/footprints`,
      apiKey: SANDBOX_FOOTPRINTS_KEY,
      apiSecret: SANDBOX_FOOTPRINTS_SECRET,
      timeoutMs: 5000,
    });
    const { accessToken } = await footprints.tokenWithPassword('support', 'support-demo');
    const kase = await newCase();
    const profile = await fetchSubjectProfile(t.db, { footprints, accessToken }, support, kase.id);
    expect(profile.found).toBe(true);
    expect(profile.record).toMatchObject({ userFirstName: ana.firstName, userLastName: ana.lastName, userEmail: ana.email, userPhone: ana.phone });
    const stranger = await createCase(t.db, support, { subjectEmail: 'nobody@example.com', subjectPhone: '0799999999', receivedOn: daysAgo(1), notes: '' });
    expect(await fetchSubjectProfile(t.db, { footprints, accessToken }, support, stranger.id)).toEqual({ vendor: 'footprints', found: false, record: null });
    const emailOnly = await newCase(ana.email, null);
    await expect(fetchSubjectProfile(t.db, { footprints, accessToken }, support, emailOnly.id)).rejects.toThrow(PRIVACY_ERRORS.profileNeedsBoth);
    const events = (await listAudit(t.db, { targetId: kase.reference, action: 'privacy.profile.lookup', limit: 10, offset: 0 })).rows;
    expect(events).toHaveLength(1);
    // Issue 12: the desk is chain-wide, and the trail names the stores whose data the profile held.
    const anaStores = [...new Set(footprintsSim().listLeads().filter((l) => l.person.userEmail === ana.email).map((l) => l.locationId))].sort();
    expect(anaStores.length).toBeGreaterThan(0);
    expect(events[0].detail).toEqual({ vendor: 'footprints', found: true, stores: anaStores });
  });
});

describe('window failure reasons', () => {
  it('are kinds (put into words where shown), without the vendor body, its status or its text', async () => {
    const { windowFailureReason } = await import('./run-lookup-window');
    const { VendorError } = await import('@/lib/vendors/http');
    const http500 = new VendorError({ vendor: 'netcore', operation: 'getUserChannelActivity', status: 500, kind: 'http', retryable: true, message: '{"secret":"body"}' });
    expect(windowFailureReason(http500)).toBe('not_answering');
    const timeout = new VendorError({ vendor: 'netcore', operation: 'getUserChannelActivity', status: 0, kind: 'timeout', retryable: true, message: 'slow' });
    expect(windowFailureReason(timeout)).toBe('not_answering');
    const refused = new VendorError({ vendor: 'netcore', operation: 'getUserChannelActivity', status: 400, kind: 'http', retryable: false, message: 'sandbox fault: HTTP 400' });
    expect(windowFailureReason(refused)).toBe('refused');
    expect(windowFailureReason(new Error('boom'))).toBe('unexpected');
  });
});
