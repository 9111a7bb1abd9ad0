/**
 * Every insights figure computed on a small hand-made data set whose answers are worked out by hand (below,
 * next to each expectation), on PGlite and — with TEST_DATABASE_URL — on PostgreSQL.
 *
 * Store zone Europe/Bucharest (UTC+2 in March); the period is 1–10 March 2026, the previous one 19–28 February.
 *   A  L1 Ana     prospect(1 Mar) → lead(2) → sale_lead(4) → opportunity(5) → customer(8), contract 1000.50
 *   B  L1 Ana     lead(1 Mar, captured) → opportunity(3) → customer(4), contract "500"  (skips sale_lead)
 *   C  L1 Bogdan  created 2 Mar as prospect (first history row prospect → lost on 6 Mar), price_too_high
 *   D  L1 Bogdan  created 3 Mar as prospect, no history (still prospect)
 *   E  L1 Bogdan  lead(3 Mar) → sale_lead(5) → lost(9), competition
 *   F  L2 Bogdan  prospect(5 Mar) → lead(6)  (still lead)
 *   H  L1 Bogdan  prospect(4 Mar) → lead(12 Mar, after the period)
 *   G  L1 Ana     created 20 Feb (previous period): lead → customer(25 Feb)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '@/lib/audit';
import type { CaptureConsentProof } from '@/lib/capture/consent-proof';
import { captureSubmissions } from '@/lib/capture/schema';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { leadCatalogue, leadNpsEntries, leadRecords, leadStatusHistory, type NewLeadRecord } from '@/lib/leads/schema';
import { queryBreakdowns } from './breakdowns';
import { npsFrom, queryCaptureActivity, queryNps } from './capture-activity';
import { insightsFiltersFromParams, insightsFiltersToParams, previousPeriod, type InsightsFilters } from './filters';
import { funnelConversions, queryFunnel } from './funnel';
import { queryLostReasons } from './lost-reasons';
import { queryLoyaltyActivity } from './loyalty-activity';
import { csvTableWords, exportCardCsv } from './export-csv';
import { computeInsights } from './queries';
import { periodOf, withStoreScope } from './sql';
import { cardTables, MACHINE_TABLE_WORDS, tableToCsv, type CardTable } from './tables';
import { queryStaleLeads, queryTimeInStage } from './time-in-stage';

const ZONE = 'Europe/Bucharest';
const at = (day: string, time = '10:00') => new Date(`2026-${day}T${time}:00Z`);
const NOW = at('03-10');
const FILTERS: InsightsFilters = { from: '2026-03-01', to: '2026-03-10' };

function lead(id: string, status: string, created: string, more: Partial<NewLeadRecord> = {}): NewLeadRecord {
  return {
    id,
    status,
    firstName: `First${id}`,
    lastName: `Last${id}`,
    locationId: 'L1',
    consultantId: 'K2',
    consultantName: 'Bogdan',
    offerCategoryId: 'CAT1',
    offerCategoryName: 'Kitchens',
    offerId: 'O1',
    offerName: 'Kitchen Basic',
    channelId: 'CH1',
    vendorCreatedAt: at(created),
    ...more,
  };
}

type Move = [from: string | null, to: string, day: string];
const HISTORY: Record<string, Move[]> = {
  A: [[null, 'prospect', '03-01'], ['prospect', 'lead', '03-02'], ['lead', 'sale_lead', '03-04'], ['sale_lead', 'opportunity', '03-05'], ['opportunity', 'customer', '03-08']],
  B: [[null, 'lead', '03-01'], ['lead', 'opportunity', '03-03'], ['opportunity', 'customer', '03-04']],
  C: [['prospect', 'lost', '03-06']],
  E: [[null, 'lead', '03-03'], ['lead', 'sale_lead', '03-05'], ['sale_lead', 'lost', '03-09']],
  F: [[null, 'prospect', '03-05'], ['prospect', 'lead', '03-06']],
  H: [[null, 'prospect', '03-04'], ['prospect', 'lead', '03-12']],
  G: [[null, 'lead', '02-20'], ['lead', 'customer', '02-25']],
};

function consent(marketing: Partial<CaptureConsentProof['agreements']['marketing']>): CaptureConsentProof {
  return {
    wordingVersion: 'v1',
    language: 'en',
    store: { locationId: null, locationName: null },
    hostess: { subject: 'h', name: 'h' },
    device: { id: null, userAgent: null },
    consentedAt: '2026-03-01T10:00:00Z',
    agreements: {
      terms: true,
      privacy: true,
      adult: true,
      targetedMessages: false,
      marketing: { sms: false, email: false, notification: false, dm: false, socialMedia: false, ...marketing },
    },
  };
}

async function seed(t: TestDb): Promise<void> {
  const ana = { consultantId: 'K1', consultantName: 'Ana' };
  await t.db.insert(leadRecords).values([
    lead('A', 'customer', '03-01', { ...ana, contractValue: '1000.50' }),
    lead('B', 'customer', '03-01', { ...ana, contractValue: '500', channelId: 'CH2' }),
    lead('C', 'lost', '03-02', { reasonLost: 'price_too_high' }),
    lead('D', 'prospect', '03-03'),
    lead('E', 'lost', '03-03', { reasonLost: 'competition' }),
    lead('F', 'lead', '03-05', { locationId: 'L2', statusChangedAt: at('03-06') }),
    lead('H', 'lead', '03-04', { statusChangedAt: at('03-12') }),
    lead('G', 'customer', '02-20', ana),
  ]);
  await t.db.insert(leadStatusHistory).values(
    Object.entries(HISTORY).flatMap(([leadId, moves]) => moves.map(([fromStatus, toStatus, day]) => ({ leadId, fromStatus, toStatus, at: at(day), source: 'sync' }))),
  );
  await t.db.insert(leadCatalogue).values([
    { kind: 'location', id: 'L1', name: 'Store One' },
    { kind: 'location', id: 'L2', name: 'Store Two' },
  ]);
  // Latest score per lead within the period: A 10 (its 5 is older), B 9, C 3, E 7, F 8; G's 0 is in February.
  await t.db.insert(leadNpsEntries).values([
    { leadId: 'A', score: 5, at: at('03-02'), source: 'console' },
    { leadId: 'A', score: 10, at: at('03-08'), source: 'console' },
    { leadId: 'B', score: 9, at: at('03-04'), source: 'console' },
    { leadId: 'C', score: 3, at: at('03-05'), source: 'console' },
    { leadId: 'E', score: 7, at: at('03-06'), source: 'console' },
    { leadId: 'F', score: 8, at: at('03-07'), source: 'console' },
    { leadId: 'G', score: 0, at: at('02-25'), source: 'console' },
  ]);
  const capture = (key: string, hostess: string, capturedAt: Date, marketing: Partial<CaptureConsentProof['agreements']['marketing']>, locationId = 'L1') => ({
    idempotencyKey: key,
    hostessSubject: `hostess:${hostess}`,
    hostessName: hostess,
    displayName: 'X Y.',
    payload: {},
    consent: consent(marketing),
    consentWordingVersion: 'v1',
    locationId,
    capturedAt,
  });
  await t.db.insert(captureSubmissions).values([
    capture('k1', 'Ioana', at('03-01'), { sms: true, email: true }),
    // 23:30 UTC on 1 March is 01:30 on 2 March in the store.
    capture('k2', 'Ioana', at('03-01', '23:30'), {}),
    capture('k3', 'Maria', at('03-02'), { email: true }, 'L2'),
    capture('k0', 'Maria', at('02-25'), { sms: true }),
  ]);
  const actor = { id: 'hostess:1', name: 'Ioana', role: 'hostess' };
  const change = (action: string, campaign: string, outcome: 'success' | 'failure', store = 'L1') =>
    recordAudit(t.db, { actor, action, target: { type: 'loyalty_code', id: 'CODE' }, outcome, store, detail: { campaignInternalId: campaign } });
  await change('loyalty.redeem', 'C1', 'success');
  await change('loyalty.redeem', 'C1', 'success');
  await change('loyalty.block', 'C1', 'success');
  await change('loyalty.redeem', 'C1', 'failure');
  await change('loyalty.redeem', 'C2', 'success', 'L2');
}

describe('insights filters', () => {
  it('round-trips the URL and compares with the previous period of the same length', () => {
    const f = insightsFiltersFromParams({ from: '2026-03-01', to: '2026-03-10', location: 'L1', q: 'ignored' }, NOW, ZONE);
    expect(f).toEqual({ from: '2026-03-01', to: '2026-03-10', location: 'L1' });
    expect(insightsFiltersToParams(f).toString()).toBe('from=2026-03-01&to=2026-03-10&location=L1');
    expect(previousPeriod(f)).toEqual({ from: '2026-02-19', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    // An unreadable period falls back to the last 30 days.
    expect(insightsFiltersFromParams({ from: '2026-03-10', to: '2026-03-01' }, NOW, ZONE)).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });

  it('computes the NPS score from the distribution', () => {
    expect(npsFrom([{ score: 10, leads: 2 }, { score: 7, leads: 2 }, { score: 3, leads: 1 }])).toEqual({ responses: 5, promoters: 2, passives: 2, detractors: 1, score: 20 });
    expect(npsFrom([{ score: 6, leads: 1 }]).score).toBe(-100);
    expect(npsFrom([]).score).toBeNull();
  });
});

describe('insights CSV', () => {
  it('quotes commas and quotes, and defuses spreadsheet formulas but not negative numbers', () => {
    const table: CardTable = { id: 'captures-per-hostess', caption: 'c', columns: [{ key: 'a', label: 'Hostess' }, { key: 'b', label: 'N' }], rows: [['=HYPERLINK("x")', '-3'], ['Pop, Ana', '2']] };
    expect(tableToCsv(table)).toBe('Hostess,N\r\n"\'=HYPERLINK(""x"")",-3\r\n"Pop, Ana",2\r\n');
  });
});

describe.each(testEngines)('insights on %s', (engine) => {
  let t: TestDb;
  const period = periodOf(FILTERS, ZONE);

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seed(t);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('counts the funnel at any point and in order, with the conversions', async () => {
    const f = await queryFunnel(t.db, FILTERS, period);
    // Captured A B C D E F H. H reached lead after the period ends, so only prospect counts for it.
    expect(f.captured).toBe(7);
    expect(f.anyPoint).toEqual({ prospect: 5, lead: 4, sale_lead: 2, opportunity: 2, customer: 2 });
    expect(f.lost).toBe(2);
    // In order: B and E enter at lead (prospect counts as passed); B skips sale_lead, so it stops at lead.
    expect(f.inOrder).toEqual({ prospect: 7, lead: 4, sale_lead: 2, opportunity: 1, customer: 1 });
    const inOrder = funnelConversions(f, 'inOrder');
    expect(inOrder.steps.map((s) => s.fromPrevious)).toEqual([1, 4 / 7, 0.5, 0.5, 1]);
    expect(inOrder.overall).toBeCloseTo(1 / 7);
    expect(funnelConversions(f, 'anyPoint').overall).toBeCloseTo(2 / 7);
    const previous = await queryFunnel(t.db, FILTERS, periodOf(previousPeriod(FILTERS), ZONE));
    expect(previous).toMatchObject({ captured: 1, anyPoint: { lead: 1, customer: 1, prospect: 0 } });
    const storeTwo = await queryFunnel(t.db, { ...FILTERS, location: 'L2' }, period);
    expect(storeTwo).toMatchObject({ captured: 1, anyPoint: { prospect: 1, lead: 1, customer: 0 } });
  });

  it('counts the lost reasons, their share and the status each lead was lost from', async () => {
    const lost = await queryLostReasons(t.db, FILTERS, period);
    expect(lost.total).toBe(2);
    expect(lost.rows).toHaveLength(9);
    const price = lost.rows.find((r) => r.reason === 'price_too_high')!;
    const competition = lost.rows.find((r) => r.reason === 'competition')!;
    expect(price).toMatchObject({ count: 1, share: 0.5, whenLost: { prospect: 1, sale_lead: 0 } });
    expect(competition).toMatchObject({ count: 1, share: 0.5, whenLost: { sale_lead: 1, prospect: 0 } });
    expect(lost.rows.filter((r) => r.count === 0)).toHaveLength(7);
  });

  it('takes the median and 90th percentile of the days in each stage from the history', async () => {
    const stages = await queryTimeInStage(t.db, FILTERS, period);
    // prospect stays: A 1, F 1, C 4 (D and H still open) → median 1, p90 1 + 0.8 × 3 = 3.4
    // lead: A 2, B 2, E 2; sale_lead: A 1, E 4 → 2.5 and 1 + 0.9 × 3 = 3.7; opportunity: B 1, A 3 → 2 and 2.8
    expect(stages.map((s) => [s.status, s.stays, s.medianDays, Number(s.p90Days?.toFixed(6))])).toEqual([
      ['prospect', 3, 1, 3.4],
      ['lead', 3, 2, 2],
      ['sale_lead', 2, 2.5, 3.7],
      ['opportunity', 2, 2, 2.8],
    ]);
    // Now (10 March 10:00): D has been a prospect 7 days (> 3.4), F a lead 4 days (> 2); H's lead stay has not begun.
    const stale = await queryStaleLeads(t.db, FILTERS, stages, NOW);
    expect(stale.total).toBe(2);
    expect(stale.leads.map((l) => [l.id, l.status, Math.round(l.days * 1000) / 1000])).toEqual([
      ['D', 'prospect', 7],
      ['F', 'lead', 4],
    ]);
    expect((await queryStaleLeads(t.db, { ...FILTERS, location: 'L1' }, stages, NOW)).leads.map((l) => l.id)).toEqual(['D']);
  });

  it('breaks the leads down per store, consultant and channel', async () => {
    const b = await queryBreakdowns(t.db, FILTERS, period);
    expect(b.location).toEqual([
      { key: 'L1', name: 'Store One', leads: 6, customers: 2, conversion: 2 / 6, contractValue: 1500.5, avgDaysToCustomer: 5 },
      { key: 'L2', name: 'Store Two', leads: 1, customers: 0, conversion: 0, contractValue: 0, avgDaysToCustomer: null },
    ]);
    expect(b.consultant.map((r) => [r.name, r.leads, r.customers, r.conversion])).toEqual([
      ['Bogdan', 5, 0, 0],
      ['Ana', 2, 2, 1],
    ]);
    expect(b.channel.map((r) => [r.key, r.leads, r.customers])).toEqual([
      ['CH1', 6, 1],
      ['CH2', 1, 1],
    ]);
    expect(b.category).toEqual([{ key: 'CAT1', name: 'Kitchens', leads: 7, customers: 2, conversion: 2 / 7, contractValue: 1500.5, avgDaysToCustomer: 5 }]);
    expect(b.offer.map((r) => r.name)).toEqual(['Kitchen Basic']);
  });

  it('counts captures per store day and hostess, the consent rates and the NPS', async () => {
    const c = await queryCaptureActivity(t.db, FILTERS, period, ZONE);
    expect(c.total).toBe(3);
    expect(c.perDay).toEqual([
      { day: '2026-03-01', captures: 1 },
      { day: '2026-03-02', captures: 2 },
    ]);
    expect(c.perHostess).toEqual([
      { hostess: 'Ioana', captures: 2 },
      { hostess: 'Maria', captures: 1 },
    ]);
    expect(Object.fromEntries(c.consent.map((x) => [x.channel, x.agreed]))).toEqual({ any: 2, sms: 1, email: 2, notification: 0, dm: 0, socialMedia: 0 });
    expect((await queryCaptureActivity(t.db, { ...FILTERS, location: 'L2' }, period, ZONE)).total).toBe(1);
    const nps = await queryNps(t.db, FILTERS, period);
    // Latest per lead: 10, 9, 3, 7, 8 → promoters 2, passives 2, detractors 1 → (2 − 1) / 5 = 20
    expect(nps).toMatchObject({ responses: 5, promoters: 2, passives: 2, detractors: 1, score: 20 });
    expect(nps.distribution.find((d) => d.score === 5)!.leads).toBe(0);
    expect((await queryNps(t.db, FILTERS, periodOf(previousPeriod(FILTERS), ZONE))).score).toBe(-100);
  });

  it('counts successful redemptions and blocks per campaign and day from the audit trail', async () => {
    // The audit rows were written "now" (the test's real clock): read them with a period around today.
    const today = new Date().toISOString().slice(0, 10);
    const around = { from: today, to: today };
    const l = await queryLoyaltyActivity(t.db, around, periodOf({ from: '2000-01-01', to: '2099-12-31' }, 'UTC'), 'UTC');
    expect(l.redemptions).toBe(3);
    expect(l.blocks).toBe(1);
    expect(l.rows.map((r) => [r.campaign, r.redemptions, r.blocks])).toEqual([
      ['C1', 2, 1],
      ['C2', 1, 0],
    ]);
    const storeTwo = await queryLoyaltyActivity(t.db, { ...around, location: 'L2' }, periodOf({ from: '2000-01-01', to: '2099-12-31' }, 'UTC'), 'UTC');
    expect([storeTwo.redemptions, storeTwo.blocks]).toEqual([1, 0]);
    expect((await queryLoyaltyActivity(t.db, FILTERS, period, ZONE)).rows).toEqual([]);
  });

  it('puts every card and the previous period together', async () => {
    const all = await computeInsights(t.db, FILTERS, ZONE, NOW);
    expect(all.previousPeriod).toEqual({ from: '2026-02-19', to: '2026-02-28' });
    expect([all.funnel.captured, all.previousFunnel.captured]).toEqual([7, 1]);
    expect([all.captures.total, all.previousCaptures]).toEqual([3, 1]);
    expect([all.nps.score, all.previousNpsScore]).toEqual([20, -100]);
    expect([all.lostReasons.total, all.previousLostTotal]).toEqual([2, 0]);
  });

  it('gives in one statement per period the very figures each card’s own query gives', async () => {
    const all = await computeInsights(t.db, FILTERS, ZONE, NOW);
    const stages = await queryTimeInStage(t.db, FILTERS, period);
    expect(all.funnel).toEqual(await queryFunnel(t.db, FILTERS, period));
    expect(all.previousFunnel).toEqual(await queryFunnel(t.db, FILTERS, periodOf(previousPeriod(FILTERS), ZONE)));
    expect(all.lostReasons).toEqual(await queryLostReasons(t.db, FILTERS, period));
    expect(all.timeInStage).toEqual(stages);
    expect(all.staleLeads).toEqual(await queryStaleLeads(t.db, FILTERS, stages, NOW));
    expect(all.staleLeads.leads.map((l) => l.id)).toEqual(['D', 'F']);
    expect(all.breakdowns).toEqual(await queryBreakdowns(t.db, FILTERS, period));
    const storeOne = await computeInsights(t.db, { ...FILTERS, location: 'L1' }, ZONE, NOW);
    expect(storeOne.staleLeads.leads.map((l) => l.id)).toEqual(['D']);
    expect(storeOne.funnel).toEqual(await queryFunnel(t.db, { ...FILTERS, location: 'L1' }, period));
  });

  it('holds only the caller’s stores (issue 12): a scope of one store gives that store’s figures, no store gives none', async () => {
    const storeOne = await computeInsights(t.db, { ...FILTERS, location: 'L1' }, ZONE, NOW);
    const scoped = await computeInsights(t.db, withStoreScope(FILTERS, { all: false, locationIds: ['L1'] }), ZONE, NOW);
    expect(scoped).toEqual(storeOne);
    expect(scoped.funnel.captured).toBeLessThan((await computeInsights(t.db, FILTERS, ZONE, NOW)).funnel.captured);
    // A location filter outside the scope finds nothing, and no store at all means no figures.
    const outside = await computeInsights(t.db, withStoreScope({ ...FILTERS, location: 'L2' }, { all: false, locationIds: ['L1'] }), ZONE, NOW);
    expect([outside.funnel.captured, outside.captures.total, outside.staleLeads.total]).toEqual([0, 0, 0]);
    const none = await computeInsights(t.db, withStoreScope(FILTERS, { all: false, locationIds: [] }), ZONE, NOW);
    expect([none.funnel.captured, none.captures.total, none.loyalty.redemptions]).toEqual([0, 0, 0]);
    expect(await computeInsights(t.db, withStoreScope(FILTERS, { all: true }), ZONE, NOW)).toEqual(await computeInsights(t.db, FILTERS, ZONE, NOW));
  });

  it('exports a card as CSV with the cells of its table view, in the person\'s language', async () => {
    const table = cardTables(await computeInsights(t.db, FILTERS, ZONE, NOW), csvTableWords('localized', 'en', ZONE))['lost-reasons'];
    const { fileName, csv } = await exportCardCsv(t.db, 'lost-reasons', FILTERS, ZONE, NOW, { locale: 'en' });
    expect(fileName).toBe('insights-lost-reasons-2026-03-01-2026-03-10.csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(table.columns.map((c) => c.label).join(','));
    expect(lines[0]).toBe('Reason,Leads,Share,Lost from prospect,Lost from lead,Lost from sale lead,Lost from opportunity,Lost from customer,Lost from unknown');
    expect(lines.slice(1)).toEqual(table.rows.map((r) => r.join(',')));
    expect(lines).toContain('Price too high,1,50%,1,0,0,0,0,0');
    expect(lines).toContain('Went to a competitor,1,50%,0,0,1,0,0,0');

    // Romanian: headers and reasons in Romanian, numbers as Romanian writes them (a decimal comma is quoted).
    const ro = (await exportCardCsv(t.db, 'lost-reasons', FILTERS, ZONE, NOW, { locale: 'ro' })).csv.trimEnd().split('\r\n');
    expect(ro[0]).toBe('Motiv,Lead-uri,Pondere,Pierdute din prospect,Pierdute din lead,Pierdute din lead de vânzare,Pierdute din oportunitate,Pierdute din client,Pierdute din necunoscut');
    expect(ro).toContain('Preț prea mare,1,50%,1,0,0,0,0,0');
    expect(ro).toContain('A ales un concurent,1,50%,0,0,1,0,0,0');
    const roFunnel = (await exportCardCsv(t.db, 'funnel', FILTERS, ZONE, NOW, { locale: 'ro' })).csv.split('\r\n');
    expect(roFunnel[0]).toBe('Pas,Atins în ordine,Conversie în ordine,Atins în orice moment,Conversie în orice moment,Perioada anterioară (orice moment)');
    expect(roFunnel[3]).toMatch(/^Lead,4,"57,1%",/);
    expect(roFunnel[4]).toMatch(/^Lead de vânzare,2,50%,/);

    const funnel = cardTables(await computeInsights(t.db, FILTERS, ZONE, NOW), csvTableWords('localized', 'en', ZONE)).funnel;
    expect(funnel.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Captured', '7', '—'],
      ['Prospect', '7', '100%'],
      ['Lead', '4', '57.1%'],
      ['Sale lead', '2', '50%'],
      ['Opportunity', '1', '50%'],
      ['Customer', '1', '100%'],
      ['Overall (captured → customer)', '1', '14.3%'],
    ]);
  });

  it('exports the machine-readable variant: English keys and codes, plain numbers, the same in every language', async () => {
    const en = await exportCardCsv(t.db, 'lost-reasons', FILTERS, ZONE, NOW, { variant: 'machine', locale: 'en' });
    const ro = await exportCardCsv(t.db, 'lost-reasons', FILTERS, ZONE, NOW, { variant: 'machine', locale: 'ro' });
    expect(en.fileName).toBe('insights-lost-reasons-2026-03-01-2026-03-10-keys.csv');
    expect(ro).toEqual(en);
    const lines = en.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('reason,count,share,from_prospect,from_lead,from_sale_lead,from_opportunity,from_customer,from_unknown');
    expect(lines).toContain('price_too_high,1,50.0%,1,0,0,0,0,0');
    expect(lines).toContain('competition,1,50.0%,0,0,1,0,0,0');
    const funnel = cardTables(await computeInsights(t.db, FILTERS, ZONE, NOW), MACHINE_TABLE_WORDS).funnel;
    expect(funnel.columns.map((c) => c.label)).toEqual(['step', 'inOrder', 'inOrderRate', 'anyPoint', 'anyPointRate', 'previous']);
    expect(funnel.rows.map((r) => r.slice(0, 3))).toEqual([
      ['captured', '7', '—'],
      ['prospect', '7', '100.0%'],
      ['lead', '4', '57.1%'],
      ['sale_lead', '2', '50.0%'],
      ['opportunity', '1', '50.0%'],
      ['customer', '1', '100.0%'],
      ['overall', '1', '14.3%'],
    ]);
    const value = (await exportCardCsv(t.db, 'breakdown-location', FILTERS, ZONE, NOW, { variant: 'machine' })).csv.split('\r\n')[0];
    expect(value).toBe('name,leads,customers,conversion,value,days');
  });
});
