/**
 * Issue 19, pipeline rules and formats: Romanian collation of names (19.7), a page past the last is clamped
 * (19.6), an action dated far in the future is refused (19.6), a move to the current status is "already
 * there" and bulk counts those (19.5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_STORES } from '@/lib/auth/stores';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { setLogSink } from '@/lib/log';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '@/lib/sandbox/demo-staff';
import { FOOTPRINTS_DEMO } from '@/lib/sandbox/footprints';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { createFootprintsClient } from '@/lib/vendors/footprints';
import { filtersFromParams, TABLE_PAGE_SIZE } from './filters';
import { actionDateProblem, ActionFormSchema, ACTION_MAX_DAYS_AHEAD } from './inputs';
import { compareNames, queryPipeline } from './read-model';
import { leadRecords } from './schema';
import { syncLeads, syncWindow } from './sync';
import { bulkMoveLeads } from './bulk-move-leads';
import type { LeadDeps } from './deps';
import { moveLead } from './move-lead';

const ZONE = 'Europe/Bucharest';
const person = (lastName: string | null, firstName: string | null = null) => ({ lastName, firstName });

describe('names sort the Romanian way', () => {
  const names = ['Țurcanu', 'Zamfir', 'Ștefănescu', 'Suciu', 'Avram', 'Ălbescu', 'Tudor', 'Szabo', 'Îonescu', 'Ionescu'];
  it('Ă after A, Î after I, Ș after S, Ț after T, ascending', () => {
    const sorted = [...names].map((n) => person(n)).sort((a, b) => compareNames(a, b, 'asc')).map((p) => p.lastName);
    expect(sorted).toEqual(['Avram', 'Ălbescu', 'Ionescu', 'Îonescu', 'Suciu', 'Szabo', 'Ștefănescu', 'Tudor', 'Țurcanu', 'Zamfir']);
  });
  it('descending is the reverse; names missing stay last either way; first name breaks ties', () => {
    const list = [person(null), person('Popa', 'Ana'), person('Popa', 'Ștefan'), person('Popa', 'Sorin')];
    expect(list.sort((a, b) => compareNames(a, b, 'desc')).map((p) => `${p.lastName} ${p.firstName}`)).toEqual(['Popa Ștefan', 'Popa Sorin', 'Popa Ana', 'null null']);
  });
});

describe('an action date', () => {
  const now = new Date('2026-05-04T10:00:00Z');
  it('empty is now; a real date up to a month ahead is fine', () => {
    expect(actionDateProblem(undefined, now)).toBeNull();
    expect(actionDateProblem('', now)).toBeNull();
    expect(actionDateProblem('2020-01-01T09:00', now)).toBeNull();
    expect(actionDateProblem('2026-06-04T09:00', now)).toBeNull();
  });
  it('years ahead, or more than the bound, is refused beside the field; nonsense too', () => {
    expect(actionDateProblem('2031-05-04T09:00', now)).toBe(`An action can be dated at most ${ACTION_MAX_DAYS_AHEAD} days ahead`);
    expect(actionDateProblem('2026-06-05T09:00', now)).toContain('at most');
    expect(actionDateProblem('2026-02-30T09:00', now)).toContain('Enter a date');
    const parsed = ActionFormSchema.safeParse({ leadId: 'x', typeId: 't', detail: 'd', date: `${new Date().getUTCFullYear() + 3}-01-01T10:00` });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['date']);
  });
});

describe.each(testEngines)('the pipeline query on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
    const now = new Date();
    const last = ['Țurcanu', 'Zamfir', 'Ștefănescu', 'Suciu', 'Avram', 'Ălbescu', 'Tudor'];
    await t.db.insert(leadRecords).values(
      Array.from({ length: TABLE_PAGE_SIZE + 5 }, (_, i) => ({
        id: `lead${String(i).padStart(20, '0')}`,
        status: 'lead',
        firstName: 'Ana',
        lastName: `${last[i % last.length]}${i < last.length ? '' : ` ${i}`}`,
        vendorCreatedAt: now,
      })),
    );
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('sorts the table by last name with the Romanian collation', async () => {
    const result = await queryPipeline(t.db, { ...filtersFromParams({}, new Date(), ZONE), sort: 'name', dir: 'asc' }, ZONE, ALL_STORES, { board: false });
    const firstOfEach = result.rows.map((r) => r.name.split(' ')[1]).filter((n, i, all) => all.indexOf(n) === i);
    expect(firstOfEach).toEqual(['Avram', 'Ălbescu', 'Suciu', 'Ștefănescu', 'Tudor', 'Țurcanu', 'Zamfir']);
  });

  it('a page past the last shows the last page, and says which', async () => {
    const result = await queryPipeline(t.db, { ...filtersFromParams({}, new Date(), ZONE), page: 999 }, ZONE, ALL_STORES, { board: false });
    expect(result.page).toBe(2);
    expect(result.rows).toHaveLength(5);
    const empty = await queryPipeline(t.db, { ...filtersFromParams({}, new Date(), ZONE), q: 'nobody-like-this', page: 3 }, ZONE, ALL_STORES, { board: false });
    expect(empty.page).toBe(1);
  });
});

describe('a move to the status a lead is already in', () => {
  let running: RunningSandbox;
  let t: TestDb;
  let deps: LeadDeps;
  const actor = { id: 'user:manager', name: 'Demo Manager', role: 'manager' };
  const [LEAD_ID, SALE_LEAD_ID] = FOOTPRINTS_DEMO.demoLeadIds;
  beforeAll(async () => {
    setLogSink(() => {});
    running = await startSandboxServer();
    t = await openTestDb(testEngines[0]);
    const client = createFootprintsClient({ baseUrl: `${running.origin}/sandbox/footprints`, apiKey: SANDBOX_FOOTPRINTS_KEY, apiSecret: SANDBOX_FOOTPRINTS_SECRET, timeoutMs: 5000 });
    deps = { client, accessToken: (await client.tokenWithPassword('manager', 'manager-demo')).accessToken, scope: ALL_STORES, timeZone: ZONE };
    await syncLeads(t.db, deps, syncWindow(new Date(), ZONE), 'manual');
  });
  afterAll(async () => {
    await t?.dispose();
    await running?.close();
  });

  it('is a no-op that says so; bulk counts those apart from the moved ones, and sends nothing for them', async () => {
    expect((await moveLead(t.db, deps, actor, { leadId: SALE_LEAD_ID, to: 'sale_lead' })).noop).toBe(true);
    const before = running.sandbox.getRequests('footprints').length;
    const bulk = await bulkMoveLeads(t.db, deps, actor, { leadIds: [LEAD_ID, SALE_LEAD_ID], to: 'sale_lead' });
    expect(bulk.moved.map((m) => m.id)).toEqual([LEAD_ID]);
    expect(bulk.already.map((m) => m.id)).toEqual([SALE_LEAD_ID]);
    const puts = running.sandbox.getRequests('footprints').slice(before).filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([`/api/lead/${LEAD_ID}`]);
  });
});
