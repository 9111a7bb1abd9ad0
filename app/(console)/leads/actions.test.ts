/**
 * A crafted call to the leads server actions (what a browser's devtools could send) is held to the same
 * status rule as a click: no `customer` without a contract and a contract PDF, no `lost` without one of the
 * nine reasons, single or bulk. The actions run for real (session and database mocked, Footprints simulated
 * over HTTP).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StaffSession } from '@/lib/auth/session';
import { createDb, type DbHandle } from '@/lib/db';
import { setLogSink } from '@/lib/log';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '@/lib/sandbox/demo-staff';
import { FOOTPRINTS_DEMO } from '@/lib/sandbox/footprints';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { createFootprintsClient, type FootprintsClient } from '@/lib/vendors/footprints';

const state: { session: StaffSession | null; handle: DbHandle | null; client: FootprintsClient | null } = { session: null, handle: null, client: null };

vi.mock('@/lib/auth/session', () => ({
  getStaffSession: async () => state.session,
  requireSession: async () => state.session,
  requirePagePermission: async () => state.session,
}));
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return { ...original, getDb: async () => state.handle!.db };
});
vi.mock('@/lib/vendors/clients', () => ({ getFootprintsClient: () => state.client! }));

const { bulkMoveLeadsAction, moveLeadAction, refreshLeadsAction } = await import('./actions');

const [LEAD_ID, SALE_LEAD_ID, OPPORTUNITY_ID] = FOOTPRINTS_DEMO.demoLeadIds;
let running: RunningSandbox;
let restoreLog: ReturnType<typeof setLogSink>;

beforeAll(async () => {
  restoreLog = setLogSink(() => {});
  running = await startSandboxServer();
  state.client = createFootprintsClient({ baseUrl: `${running.origin}/sandbox/footprints`, apiKey: SANDBOX_FOOTPRINTS_KEY, apiSecret: SANDBOX_FOOTPRINTS_SECRET, timeoutMs: 5000 });
  state.handle = await createDb({ memory: true });
  const token = await state.client.tokenWithPassword('manager', 'manager-demo');
  state.session = {
    id: 's1',
    subject: 'user:manager',
    kind: 'staff',
    displayName: 'Demo Manager',
    username: 'manager',
    roles: ['manager'],
    stores: { all: true },
    device: null,
    createdAt: new Date(),
    lastSeenAt: new Date(),
    accessToken: token.accessToken,
    tokenExpiresAt: null,
  };
  const synced = await refreshLeadsAction({ scope: 'window' });
  expect(synced.ok).toBe(true);
});
afterAll(async () => {
  await state.handle?.close();
  await running?.close();
  setLogSink(restoreLog);
});

const sim = () => running.sandbox.simulators.footprints as unknown as { getLead(id: string): { status: string; lost?: unknown } | undefined };
const leadPuts = (id: string) => running.sandbox.getRequests('footprints').filter((r) => r.method === 'PUT' && r.path.startsWith(`/api/lead/${id}`));

describe('crafted server-action calls', () => {
  it('cannot set customer without a contract', async () => {
    const result = await moveLeadAction({ leadId: OPPORTUNITY_ID, to: 'customer' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(Object.keys(result.error.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(['contract.contractNumber', 'contract.contractValue', 'contract.contractDate', 'contract.contractDescription', 'contractPdf']),
    );
    expect(sim().getLead(OPPORTUNITY_ID)!.status).toBe('opportunity');
    expect(leadPuts(OPPORTUNITY_ID)).toHaveLength(0);
  });

  it('cannot set customer with a full contract but no uploaded contract PDF', async () => {
    const result = await moveLeadAction({
      leadId: OPPORTUNITY_ID,
      to: 'customer',
      contract: { contractNumber: 'X-1', contractValue: '100', contractDate: '2026-01-10', contractDescription: 'crafted' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fieldErrors?.contractPdf?.[0]).toMatch(/contract PDF/);
    expect(sim().getLead(OPPORTUNITY_ID)!.status).toBe('opportunity');
    expect(leadPuts(OPPORTUNITY_ID)).toHaveLength(0);
  });

  it('cannot set lost without a reason, nor with a made-up one', async () => {
    for (const lost of [undefined, {}, { reasonLost: 'because' }, { comment: 'no reason given' }]) {
      const result = await moveLeadAction({ leadId: LEAD_ID, to: 'lost', lost });
      expect(result.ok, JSON.stringify(lost)).toBe(false);
      if (!result.ok) expect(result.error.fieldErrors?.['lost.reasonLost']).toBeDefined();
    }
    expect(sim().getLead(LEAD_ID)!.status).toBe('lead');
    expect(leadPuts(LEAD_ID)).toHaveLength(0);
  });

  it('a bulk call cannot bypass either rule', async () => {
    const customer = await bulkMoveLeadsAction({ leadIds: [LEAD_ID, SALE_LEAD_ID], to: 'customer' });
    expect(customer.ok && customer.data.moved).toEqual([]);
    expect(customer.ok && customer.data.refused.length).toBe(2);
    const lost = await bulkMoveLeadsAction({ leadIds: [LEAD_ID, SALE_LEAD_ID], to: 'lost', lost: { reasonLost: 'nope' } });
    expect(lost.ok && lost.data.moved).toEqual([]);
    expect(sim().getLead(LEAD_ID)!.status).toBe('lead');
    expect(sim().getLead(SALE_LEAD_ID)!.status).toBe('sale_lead');
  });

  it('with a real reason the same call goes through (the rule, not the path, decides)', async () => {
    const result = await moveLeadAction({ leadId: LEAD_ID, to: 'lost', lost: { reasonLost: 'wrong_time' } });
    expect(result.ok).toBe(true);
    expect(sim().getLead(LEAD_ID)).toMatchObject({ status: 'lost', lost: { reasonLost: 'wrong_time' } });
  });
});
