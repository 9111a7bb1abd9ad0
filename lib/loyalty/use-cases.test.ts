/**
 * The loyalty desk's use cases against the sandbox over real HTTP (the console's own clients, pointed at
 * startSandboxServer through SANDBOX_ORIGIN), on PGlite and — when TEST_DATABASE_URL is set — PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSeries, seriesMoved } from '@/lib/testing/metrics';
import { listAudit } from '@/lib/audit';
import { ALL_STORES, storesOf } from '@/lib/auth/stores';
import { ConflictError, RateLimitError, ValidationError } from '@/lib/errors';
import { testEngines, openTestDb, type TestDb } from '@/lib/db/testing';
import { setLogSink } from '@/lib/log';
import { registerMarketingHandlers } from '@/lib/marketing/handlers';
import { NETCORE_ACTIVITY_JOB, createActivityUploader } from '@/lib/marketing/netcore-activities';
import { getConfig } from '@/lib/config';
import { createFootprintsClient } from '@/lib/vendors/footprints';
import { createLoyaltyClient } from '@/lib/vendors/loyalty';
import { deliverNow, getJobByIdempotencyKey, listJobsByCorrelation } from '@/lib/outbox';
import { DEMO_PEOPLE } from '@/lib/sandbox/demo-people';
import { DEMO_HOSTESSES } from '@/lib/sandbox/demo-staff';
import { FOOTPRINTS_DEMO, type FootprintsSimulator } from '@/lib/sandbox/footprints';
import type { LoyaltySimulator } from '@/lib/sandbox/loyalty';
import type { NetcoreActivitySimulator } from '@/lib/sandbox/netcore';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { REDEMPTION_CHECKIN_JOB, registerLoyaltyDeskHandlers } from './checkin';
import { tryClaim } from './claims';
import { blockCode } from './block-code';
import { checkCode } from './check-code';
import { loyaltyDeps, type LoyaltyCaller, type LoyaltyDeps } from './deps';
import { CSV_HEADER, exportCodes } from './export-codes';
import { getPrizeHistory } from './get-prize-history';
import { listCampaigns } from './list-campaigns';
import { listCodes } from './list-codes';
import { NETCORE_REDEEMED_ACTIVITY, redeemCode } from './redeem-code';
import { resendCheckin } from './resend-checkin';
import { NOT_FOUND_MESSAGE } from './views';
import { LOOKUP_LIMIT } from './rate-limit';
import { checkinActivityIdOf, checkinJobKeyOf, netcoreRedeemedKeyOf } from './rules';
import { rejection } from '@/lib/testing/rejection';

const ANA = DEMO_PEOPLE[0];
const MIHAI = DEMO_PEOPLE[1];
const ELENA = DEMO_PEOPLE[2];
const ANDREI = DEMO_PEOPLE[3];
const SPRING = FOOTPRINTS_DEMO.campaigns.spring;
const FLASH = FOOTPRINTS_DEMO.campaigns.flash;
const AUTUMN = FOOTPRINTS_DEMO.campaigns.autumn;

let running: RunningSandbox;
let deps: LoyaltyDeps;
let hostessToken: string;
let managerToken: string;
let restoreLog: ReturnType<typeof setLogSink>;

const fpSim = () => running.sandbox.simulators.footprints as FootprintsSimulator;
const netcoreSim = () => running.sandbox.simulators['netcore-activity'] as NetcoreActivitySimulator;
const loyaltySim = () => running.sandbox.simulators.loyalty as LoyaltySimulator;
const changeRequests = () => running.sandbox.getRequests('footprints').filter((r) => r.path.includes('/api/loyaltyCode/change')).length;

const hostess = (): LoyaltyCaller => ({ actor: { id: 'hostess:ioana', name: 'Ioana Hostess', role: 'hostess' }, accessToken: hostessToken });
const otherHostess = (): LoyaltyCaller => ({ actor: { id: 'hostess:maria', name: 'Maria Hostess', role: 'hostess' }, accessToken: hostessToken });
const manager = (): LoyaltyCaller => ({ actor: { id: 'user:manager', name: 'manager', role: 'manager' }, accessToken: managerToken });

const redeemInput = (person = ANA, code = 'SPRANA01', campaignInternalId: string = SPRING) => ({
  campaignInternalId,
  email: person.email,
  phone: person.phone,
  code,
  requestId: randomUUID(),
});

beforeAll(async () => {
  restoreLog = setLogSink(() => {});
  running = await startSandboxServer();
  // The console's own clients (lib/vendors/clients.ts) read the configuration once: point it at this sandbox.
  process.env.SANDBOX_ORIGIN = running.origin;
  // Node's http server drops keep-alive sockets idle for 5 s; a test that waits longer than that (a fresh
  // PostgreSQL schema) can race it and see "fetch failed" before the sandbox saw anything. Retry that once.
  const fetchImpl: typeof fetch = async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (error) {
      if (error instanceof TypeError && /fetch failed/.test(error.message)) return fetch(input, init);
      throw error;
    }
  };
  const config = getConfig();
  const footprints = createFootprintsClient({ ...config.footprints, timeoutMs: 10_000, fetchImpl });
  deps = { ...loyaltyDeps(), footprints };
  const loyalty = createLoyaltyClient({ ...config.loyalty, timeoutMs: 10_000, fetchImpl });
  const uploader = createActivityUploader({ ...config.netcore, timeoutMs: 10_000, timeZone: config.storeTimezone, fetchImpl });
  hostessToken = (await deps.footprints.tokenWithPin(DEMO_HOSTESSES[0].pin)).accessToken;
  managerToken = (await deps.footprints.tokenWithPassword('manager', 'manager-demo')).accessToken;
  registerMarketingHandlers({ activityUploader: () => uploader, loyalty: () => loyalty });
  registerLoyaltyDeskHandlers({ loyalty: () => loyalty });
});
afterAll(async () => {
  await running?.close();
  if (restoreLog) setLogSink(restoreLog);
});

describe.each(testEngines)('loyalty desk on %s', (engine) => {
  let t: TestDb;
  beforeEach(async () => {
    running.sandbox.reset();
    hostessToken = (await deps.footprints.tokenWithPin(DEMO_HOSTESSES[0].pin)).accessToken;
    managerToken = (await deps.footprints.tokenWithPassword('manager', 'manager-demo')).accessToken;
    t = await openTestDb(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  describe('campaigns', () => {
    it('lists the active campaigns with location, dates, code expiry and prize types; managers see all', async () => {
      const active = await listCampaigns(deps, hostessToken, 'active');
      const ids = active.map((c) => c.internalId);
      expect(ids).toEqual(expect.arrayContaining([SPRING, FOOTPRINTS_DEMO.campaigns.family, FLASH]));
      expect(ids).not.toContain(FOOTPRINTS_DEMO.campaigns.winter);
      const spring = active.find((c) => c.internalId === SPRING)!;
      expect(spring.name).toBe('Spring Rewards');
      expect(spring.location).toBeTruthy();
      expect(spring.prizeTypes).toEqual(['Voucher 50 RON', 'Voucher 100 RON']);
      expect(spring.codesExpired).toBe(false);
      expect(Date.parse(spring.expireCodesDate!)).toBeGreaterThan(Date.now());
      expect(active.find((c) => c.internalId === FLASH)!.codesExpired).toBe(true);
      const all = await listCampaigns(deps, managerToken, 'all');
      expect(all.map((c) => c.internalId)).toContain(FOOTPRINTS_DEMO.campaigns.winter);
    });

    it('offers recently ended campaigns for checking, after the active ones and marked ended; long past ones not', async () => {
      const desk = await listCampaigns(deps, hostessToken, 'active');
      const autumn = desk.find((c) => c.internalId === AUTUMN);
      expect(autumn).toMatchObject({ name: 'Autumn Vouchers', phase: 'recently_ended', codesExpired: false });
      expect(desk.filter((c) => c.internalId !== AUTUMN).every((c) => c.phase === 'active')).toBe(true);
      expect(desk.at(-1)!.internalId).toBe(AUTUMN);
      // Winter ended 100 days ago and its codes expired 40 days ago: past.
      expect(desk.map((c) => c.internalId)).not.toContain(FOOTPRINTS_DEMO.campaigns.winter);
      // 80 days on, Autumn's codes (expired 65 days ago) are past too: 95 days after its end.
      const later = { ...deps, now: () => new Date(Date.now() + 80 * 86_400_000) };
      expect((await listCampaigns(later, hostessToken, 'active')).map((c) => c.internalId)).not.toContain(AUTUMN);
    });
  });

  describe('ended campaigns', () => {
    it('a code of an ended campaign answers "Campaign ended" and cannot be redeemed or blocked', async () => {
      const r = await checkCode(t.db, deps, hostess(), { campaignInternalId: AUTUMN, email: MIHAI.email, phone: MIHAI.phone });
      if (!r.found) throw new Error('expected the seeded code');
      expect(r.code).toMatchObject({ code: 'AUTMIH01', status: 'associated', state: 'campaign_ended', statusLabel: 'Campaign ended', expired: false, canRedeem: false, canBlock: false });
      expect(r.code.campaignEndedAt).not.toBeNull();
      expect(r.code.notice).toMatch(/^This campaign ended on \d{2} \w{3} \d{4}: its codes can no longer be redeemed\.$/);
      const error = await rejection(redeemCode(t.db, deps, hostess(), redeemInput(MIHAI, 'AUTMIH01', AUTUMN)));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(/^This campaign ended on .+ Nothing was changed\.$/);
      const block = await rejection(blockCode(t.db, deps, hostess(), { ...redeemInput(MIHAI, 'AUTMIH01', AUTUMN), reason: 'staff_error' }));
      expect(block).toBeInstanceOf(ConflictError);
      expect(changeRequests()).toBe(0);
      expect(fpSim().findCode('AUTMIH01')!.status).toBe('associated');
      const refused = await listAudit(t.db, { action: 'loyalty.redeem', outcome: 'refused', limit: 10, offset: 0 });
      expect(refused.rows.map((row) => row.targetId)).toEqual(['AUTMIH01']);
    });

    it('once its codes have expired too, the check answers "Expired"', async () => {
      // 20 days on: Autumn ended 35 days ago, its codes expired 5 days ago.
      const later = { ...deps, now: () => new Date(Date.now() + 20 * 86_400_000) };
      const r = await checkCode(t.db, later, hostess(), { campaignInternalId: AUTUMN, email: MIHAI.email, phone: MIHAI.phone });
      if (!r.found) throw new Error('expected the seeded code');
      expect(r.code).toMatchObject({ state: 'expired', statusLabel: 'Expired', expired: true, canRedeem: false });
      expect(r.code.notice).toBe('This code has expired and can no longer be redeemed.');
    });
  });

  describe('code check', () => {
    it('shows an associated code with its prize, status, expiry and last update, and offers redeem and block', async () => {
      const r = await checkCode(t.db, deps, hostess(), { campaignInternalId: SPRING, email: ANA.email, phone: ANA.phone });
      expect(r.found).toBe(true);
      if (!r.found) return;
      expect(r.code).toMatchObject({ code: 'SPRANA01', status: 'associated', expired: false, canRedeem: true, canBlock: true, notice: null });
      expect(r.code.prize).toBe(fpSim().findCode('SPRANA01')!.prizeName);
      // Footprints sends the expiry to the second (wall clock).
      expect(Date.parse(r.code.expiresAt!)).toBe(Math.floor(fpSim().findCode('SPRANA01')!.expireCodesDate.getTime() / 1000) * 1000);
      expect(r.code.lastUpdate).not.toBeNull();
    });

    it('gives blocked, already used and expired codes their own message and no actions', async () => {
      const blocked = await checkCode(t.db, deps, hostess(), { campaignInternalId: SPRING, email: ELENA.email, phone: ELENA.phone });
      const used = await checkCode(t.db, deps, hostess(), { campaignInternalId: SPRING, email: MIHAI.email, phone: MIHAI.phone });
      const expired = await checkCode(t.db, deps, hostess(), { campaignInternalId: FLASH, email: ANA.email, phone: ANA.phone });
      if (!blocked.found || !used.found || !expired.found) throw new Error('expected the seeded codes');
      expect(blocked.code).toMatchObject({ code: 'SPRELE01', status: 'blocked', canRedeem: false, canBlock: false });
      expect(blocked.code.notice).toMatch(/^This code is blocked/);
      expect(used.code).toMatchObject({ code: 'SPRMIH01', status: 'redeemed', canRedeem: false });
      expect(used.code.notice).toMatch(/^This code was already used: it was redeemed on /);
      expect(expired.code).toMatchObject({ code: 'FLSANA01', status: 'associated', expired: true, canRedeem: false, canBlock: false });
      // The label follows the real state: never "Ready to redeem" for an expired code.
      expect(expired.code).toMatchObject({ state: 'expired', statusLabel: 'Expired' });
      expect(used.code.statusLabel).toBe('Redeemed');
      expect(blocked.code.statusLabel).toBe('Blocked');
      expect(expired.code.notice).toBe('This code has expired and can no longer be redeemed.');
    });

    it('answers an unknown customer with the not-found message', async () => {
      const r = await checkCode(t.db, deps, hostess(), { campaignInternalId: SPRING, email: 'nobody@example.com', phone: '0700999999' });
      expect(r).toEqual({ found: false, message: NOT_FOUND_MESSAGE });
    });

    it(`refuses the ${LOOKUP_LIMIT + 1}th check of a minute for one user, not for another`, async () => {
      const input = { campaignInternalId: SPRING, email: 'nobody@example.com', phone: '0700999999' };
      for (let i = 0; i < LOOKUP_LIMIT; i++) await checkCode(t.db, deps, hostess(), input);
      const before = running.sandbox.getRequests('footprints').length;
      const error = await rejection(checkCode(t.db, deps, hostess(), input));
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.message).toMatch(/^Too many code checks in a short time \(30 a minute\)\. Try again in \d+ seconds?\.$/);
      // Refused before Footprints is asked.
      expect(running.sandbox.getRequests('footprints').length).toBe(before);
      expect((await checkCode(t.db, deps, otherHostess(), input)).found).toBe(false);
    });
  });

  describe('redeem', () => {
    it('redeems once, confirmed by Footprints, audited, with one Netcore activity and the points of one APP_CHECKIN', async () => {
      const result = await redeemCode(t.db, deps, hostess(), redeemInput());
      expect(result.replayed).toBe(false);
      expect(result.code).toMatchObject({ code: 'SPRANA01', status: 'redeemed', canRedeem: false });
      expect(fpSim().findCode('SPRANA01')!.status).toBe('redeemed');
      expect(changeRequests()).toBe(1);

      // Points: the sandbox's APP_CHECKIN offer on channel STORE is base 10 + store bonus 5.
      expect(result.checkin).toEqual({ state: 'awarded', points: { base: 10, bonus: 5, targeted: 0, total: 15 }, key: 'awarded', message: 'The customer earned 15 points.' });
      const checkins = loyaltySim().loyaltyActivities();
      expect(checkins).toHaveLength(1);
      expect(checkins[0]).toMatchObject({ action: 'APP_CHECKIN', channel: 'STORE', activityId: checkinActivityIdOf(SPRING, 'SPRANA01'), correlationId: ANA.email });

      // Netcore: queued once, uploaded once.
      expect(result.netcoreQueued).toBe(true);
      const job = await getJobByIdempotencyKey(t.db, netcoreRedeemedKeyOf(SPRING, 'SPRANA01'));
      expect(job?.kind).toBe(NETCORE_ACTIVITY_JOB);
      expect((await deliverNow(t.db, job!.id))?.status).toBe('done');
      const uploaded = netcoreSim().activities().filter((a) => a.activityName === NETCORE_REDEEMED_ACTIVITY);
      expect(uploaded).toHaveLength(1);
      expect(uploaded[0]).toMatchObject({ identity: ANA.email, activitySource: 'STORE' });
      expect(uploaded[0].params).toMatchObject({ loyalty_code: 'SPRANA01', campaign_id: SPRING });

      const audit = await listAudit(t.db, { action: 'loyalty.redeem', limit: 10, offset: 0 });
      expect(audit.rows).toHaveLength(1);
      const spring = (await listCampaigns(deps, hostessToken, 'active')).find((c) => c.internalId === SPRING)!;
      expect(audit.rows[0]).toMatchObject({ actorId: 'hostess:ioana', targetType: 'loyalty_code', targetId: 'SPRANA01', outcome: 'success', store: spring.location });
      expect(audit.rows[0].detail).toMatchObject({ campaignInternalId: SPRING });
    });

    it('refuses a second redeem of the same code with its status, changing nothing and queueing nothing more', async () => {
      const series = {
        success: ['storedesk_loyalty_code_changes_total', { status: 'redeemed', outcome: 'success' }],
        refused: ['storedesk_loyalty_code_changes_total', { status: 'redeemed', outcome: 'refused' }],
      } as const;
      const before = await readSeries(series);
      await redeemCode(t.db, deps, hostess(), redeemInput());
      const error = await rejection(redeemCode(t.db, deps, otherHostess(), redeemInput()));
      // Metrics (issue 17): one redemption, one refused.
      expect(await seriesMoved(series, before)).toEqual({ success: 1, refused: 1 });
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(/^This code was already used: it was redeemed on .+\. Nothing was changed\.$/);
      expect(changeRequests()).toBe(1);
      expect((await listJobsByCorrelation(t.db, `loyalty:${SPRING}:SPRANA01`)).map((j) => j.kind).sort()).toEqual([REDEMPTION_CHECKIN_JOB, NETCORE_ACTIVITY_JOB].sort());
      expect(loyaltySim().loyaltyActivities()).toHaveLength(1);
      const refused = await listAudit(t.db, { action: 'loyalty.redeem', outcome: 'refused', limit: 10, offset: 0 });
      expect(refused.rows.map((r) => r.actorId)).toEqual(['hostess:maria']);
    });

    it('two redemptions of one code fired at once change it once; the loser sees it redeemed', async () => {
      // On PostgreSQL the second tablet goes through its own connection pool, like a second console instance.
      const second = engine === 'postgres' ? (await t.openAnother()).db : t.db;
      const outcomes = await Promise.allSettled([
        redeemCode(t.db, deps, hostess(), redeemInput()),
        redeemCode(second, deps, otherHostess(), redeemInput()),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(ConflictError);
      expect((lost[0].reason as Error).message).toMatch(/redeemed/);
      expect(changeRequests()).toBe(1);
      expect(loyaltySim().loyaltyActivities()).toHaveLength(1);
      expect(fpSim().findCode('SPRANA01')!.status).toBe('redeemed');
    });

    it('a retry of the same confirmation gets its answer back without a second change', async () => {
      const input = redeemInput();
      await redeemCode(t.db, deps, hostess(), input);
      const again = await redeemCode(t.db, deps, hostess(), input);
      expect(again.replayed).toBe(true);
      expect(again.code.status).toBe('redeemed');
      expect(again.checkin?.state).toBe('awarded');
      expect(changeRequests()).toBe(1);
      expect(loyaltySim().loyaltyActivities()).toHaveLength(1);
      expect((await listAudit(t.db, { action: 'loyalty.redeem', limit: 10, offset: 0 })).rows).toHaveLength(1);
    });

    it('refuses blocked and expired codes before calling Footprints to change them', async () => {
      const blocked = await rejection(redeemCode(t.db, deps, hostess(), redeemInput(ELENA, 'SPRELE01')));
      expect(blocked).toBeInstanceOf(ConflictError);
      expect(blocked.message).toMatch(/^This code is blocked/);
      const expired = await rejection(redeemCode(t.db, deps, hostess(), redeemInput(ANA, 'FLSANA01', FLASH)));
      expect(expired).toBeInstanceOf(ConflictError);
      expect(expired.message).toBe('This code has expired and can no longer be redeemed. Nothing was changed.');
      expect(changeRequests()).toBe(0);
      expect(fpSim().findCode('FLSANA01')!.status).toBe('associated');
    });

    it('refuses a code that is not this customer’s', async () => {
      const error = await rejection(redeemCode(t.db, deps, hostess(), redeemInput(ANA, 'SPRAND01')));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(/code in this campaign is SPRANA01, not SPRAND01/);
      expect(fpSim().findCode('SPRAND01')!.status).toBe('associated');
      const unknown = await rejection(redeemCode(t.db, deps, hostess(), { ...redeemInput(), email: 'nobody@example.com' }));
      expect(unknown).toBeInstanceOf(ValidationError);
      expect(changeRequests()).toBe(0);
    });

    it('keeps the check-in when the loyalty engine is down and sends it once when asked again', async () => {
      running.sandbox.setFaults('loyalty', { outage: true });
      const result = await redeemCode(t.db, deps, hostess(), redeemInput(ANDREI, 'SPRAND01'));
      expect(result.code.status).toBe('redeemed');
      expect(result.checkin?.state).toBe('pending');
      expect(loyaltySim().loyaltyActivities()).toHaveLength(0);
      running.sandbox.setFaults('loyalty', { outage: false });
      const again = await resendCheckin(t.db, deps, hostess(), { campaignInternalId: SPRING, code: 'SPRAND01' });
      expect(again).toMatchObject({ state: 'awarded', points: { total: 15 } });
      expect(await resendCheckin(t.db, deps, hostess(), { campaignInternalId: SPRING, code: 'SPRAND01' })).toMatchObject({ state: 'awarded' });
      expect(loyaltySim().loyaltyActivities().map((a) => a.activityId)).toEqual([checkinActivityIdOf(SPRING, 'SPRAND01')]);
      expect((await getJobByIdempotencyKey(t.db, checkinJobKeyOf(SPRING, 'SPRAND01')))?.status).toBe('done');
    });
  });

  describe('block', () => {
    it('blocks with a reason, confirmed by Footprints and audited with the reason; no Netcore activity', async () => {
      const result = await blockCode(t.db, deps, hostess(), { ...redeemInput(ANDREI, 'SPRAND01'), reason: 'customer_request' });
      expect(result.code.status).toBe('blocked');
      expect(fpSim().findCode('SPRAND01')!.status).toBe('blocked');
      expect(result.netcoreQueued).toBeUndefined();
      expect(await getJobByIdempotencyKey(t.db, netcoreRedeemedKeyOf(SPRING, 'SPRAND01'))).toBeNull();
      const audit = await listAudit(t.db, { action: 'loyalty.block', limit: 10, offset: 0 });
      expect(audit.rows[0]).toMatchObject({ targetId: 'SPRAND01', outcome: 'success' });
      expect(audit.rows[0].detail).toMatchObject({ reason: 'customer_request', campaignInternalId: SPRING });
      // Then a redemption of it is refused with its new status.
      const error = await rejection(redeemCode(t.db, deps, hostess(), redeemInput(ANDREI, 'SPRAND01')));
      expect(error.message).toMatch(/^This code is blocked/);
    });
  });

  describe('claims', () => {
    it('a live claim is kept by its holder; an expired one is taken over', async () => {
      const now = new Date();
      expect(await tryClaim(t.db, 'c:X', 'a', now, 1000)).toBe(true);
      expect(await tryClaim(t.db, 'c:X', 'b', now, 1000)).toBe(false);
      expect(await tryClaim(t.db, 'c:X', 'b', new Date(now.getTime() + 1001), 1000)).toBe(true);
    });
  });

  describe('history and code list', () => {
    it('shows the customer’s prizes newest first, including a code just redeemed', async () => {
      await redeemCode(t.db, deps, hostess(), redeemInput());
      const rows = await getPrizeHistory(t.db, deps, hostess(), { email: ANA.email, phone: ANA.phone });
      expect(rows[0]).toMatchObject({ code: 'SPRANA01', status: 'redeemed', campaignInternalId: SPRING });
      const times = rows.map((r) => Date.parse(r.lastUpdate!));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(rows.map((r) => r.code)).toEqual(expect.arrayContaining(['SPRANA01', 'WINANA01', 'FLSANA01']));
      expect(rows.find((r) => r.code === 'FLSANA01')).toMatchObject({ status: 'associated', state: 'expired', statusLabel: 'Expired' });
    });

    it('lists a campaign’s codes with the hostess who allocated each, and pages', async () => {
      const first = await listCodes(t.db, deps, manager(), ALL_STORES, { campaignInternalId: SPRING, page: 1 });
      const expected = fpSim().listCodes({ campaignInternalId: SPRING }).length;
      expect(first.totalResults).toBe(expected);
      expect(first.rows.length).toBeGreaterThan(0);
      expect(first.rows.every((r) => r.campaignInternalId === SPRING && !!r.hostess)).toBe(true);
      const second = await listCodes(t.db, deps, manager(), ALL_STORES, { campaignInternalId: SPRING, page: 2 });
      expect(second.rows[0]?.code).not.toBe(first.rows[0].code);
      const searched = await listCodes(t.db, deps, manager(), ALL_STORES, { searchTerm: 'SPRANA', page: 1 });
      expect(searched.rows.map((r) => r.code)).toEqual(['SPRANA01']);
    });

    it('exports every code of the current filter as CSV, audited without the content', async () => {
      const out = await exportCodes(t.db, deps, manager(), ALL_STORES, { campaignInternalId: SPRING });
      // UTF-8 with a BOM, so that a spreadsheet reads Ș and Ț as themselves.
      expect(out.csv.startsWith('\uFEFF')).toBe(true);
      const lines = out.csv.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(CSV_HEADER.join(','));
      // The phone as text (the leading 0 stays) and the status in the list's words.
      expect(lines.find((l) => l.startsWith('SPRANA01,'))).toContain(`,"=""${ANA.phone}""",`);
      expect(lines.find((l) => l.startsWith('SPRANA01,'))).toMatch(/^SPRANA01,sdspring01a,Spring Rewards,Ready to redeem,/);
      expect(lines.find((l) => l.startsWith('SPRMIH01,'))).toMatch(/,Redeemed,/);
      const listed = (await listCodes(t.db, deps, manager(), ALL_STORES, { campaignInternalId: SPRING, page: 1 })).rows;
      for (const row of listed) expect(lines.find((l) => l.startsWith(`${row.code},`))!.split(',')[3]).toBe(row.statusLabel);
      expect(lines).toHaveLength(fpSim().listCodes({ campaignInternalId: SPRING }).length + 1);
      expect(out.rows).toBe(lines.length - 1);
      expect(lines.find((l) => l.startsWith('SPRANA01,'))).toContain(ANA.email);
      const audit = await listAudit(t.db, { action: 'loyalty.exportCodes', limit: 10, offset: 0 });
      expect(audit.rows[0]).toMatchObject({ actorId: 'user:manager', targetId: SPRING, outcome: 'success' });
      expect(JSON.stringify(audit.rows[0].detail)).not.toContain(ANA.email);
      expect(audit.rows[0].detail).toMatchObject({ rows: out.rows, personalData: true });
    });

    it('exports with column names and statuses in the person\u2019s language, or with the stable English keys they choose', async () => {
      const linesOf = (csv: string) => csv.slice(1).trimEnd().split('\r\n');
      const ro = linesOf((await exportCodes(t.db, deps, manager(), ALL_STORES, { campaignInternalId: SPRING }, { headers: 'words', locale: 'ro' })).csv);
      expect(ro[0]).toBe('Cod,ID campanie,Campanie,Stare,Premiu,Puncte premiu,Prenume,Nume,E-mail,Telefon,Alocat de');
      expect(ro.find((l) => l.startsWith('SPRANA01,'))).toMatch(/^SPRANA01,sdspring01a,Spring Rewards,Gata de folosit,/);
      expect(ro.find((l) => l.startsWith('SPRMIH01,'))).toMatch(/,Folosit,/);
      const en = linesOf((await exportCodes(t.db, deps, manager(), ALL_STORES, { campaignInternalId: SPRING }, { headers: 'words', locale: 'en' })).csv);
      expect(en[0]).toBe('Code,Campaign ID,Campaign,Status,Prize,Prize points,First name,Last name,E-mail,Phone,Allocated by');
      expect(en.find((l) => l.startsWith('SPRANA01,'))).toMatch(/^SPRANA01,sdspring01a,Spring Rewards,Ready to redeem,/);
      // The machine-readable variant is the same file whatever the person's language.
      const keysRo = linesOf((await exportCodes(t.db, deps, manager(), ALL_STORES, { campaignInternalId: SPRING }, { headers: 'keys', locale: 'ro' })).csv);
      const keysEn = linesOf((await exportCodes(t.db, deps, manager(), ALL_STORES, { campaignInternalId: SPRING }, { headers: 'keys', locale: 'en' })).csv);
      expect(keysRo[0]).toBe(CSV_HEADER.join(','));
      expect(keysRo.find((l) => l.startsWith('SPRANA01,'))).toMatch(/,Ready to redeem,/);
      expect(keysRo).toEqual(keysEn);
      expect(ro.slice(1).length).toBe(keysRo.slice(1).length);
    });

    it('a manager of one store lists and exports only the codes of campaigns in that store; another store\u2019s campaign has no codes for them, audited', async () => {
      const campaigns = await deps.footprints.getLoyaltyCampaigns(managerToken);
      const spring = campaigns.find((c) => c.internalId === SPRING)!;
      const store = spring.locationId!;
      const mine = campaigns.filter((c) => c.locationId === store).map((c) => c.internalId);
      const other = campaigns.find((c) => c.locationId && c.locationId !== store)!;
      expect(other).toBeDefined();
      const scope = storesOf([store]);
      const expected = mine.reduce((n, id) => n + fpSim().listCodes({ campaignInternalId: id }).length, 0);
      const all = fpSim().listCodes({}).length;
      expect(expected).toBeLessThan(all);

      const first = await listCodes(t.db, deps, manager(), scope, { page: 1 });
      expect(first.totalResults).toBe(expected);
      expect(first.rows.every((r) => mine.includes(r.campaignInternalId!))).toBe(true);
      const pages = Math.ceil(expected / first.rows.length);
      const last = await listCodes(t.db, deps, manager(), scope, { page: pages });
      expect(last.rows.length).toBe(expected - (pages - 1) * first.rows.length);

      const refused = await listCodes(t.db, deps, manager(), scope, { campaignInternalId: other.internalId, page: 1 });
      expect(refused).toEqual({ page: 1, totalResults: 0, rows: [] });
      const audit = await listAudit(t.db, { action: 'loyalty.listCodes', limit: 5, offset: 0 });
      expect(audit.rows[0]).toMatchObject({ targetId: other.internalId, outcome: 'refused', detail: { reason: 'outside_store_scope' } });

      const out = await exportCodes(t.db, deps, manager(), scope, {});
      expect(out.rows).toBe(expected);
      const codes = out.csv.slice(1).trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[1]);
      expect(new Set(codes)).toEqual(new Set(mine.filter((id) => fpSim().listCodes({ campaignInternalId: id }).length)));
      const none = await exportCodes(t.db, deps, manager(), scope, { campaignInternalId: other.internalId });
      expect(none.rows).toBe(0);
    });
  });
});
