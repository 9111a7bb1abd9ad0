/**
 * The loyalty desk's server actions, called as the browser calls them (session and database mocked,
 * vendors = the sandbox over real HTTP): racing redemptions, refused codes, block reasons, the lookup limit.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffSession } from '@/lib/auth/session';
import { createDb, type DbHandle } from '@/lib/db';
import { setLogSink } from '@/lib/log';
import { registerLoyaltyDeskHandlers } from '@/lib/loyalty/checkin';
import { LOOKUP_LIMIT } from '@/lib/loyalty/rate-limit';
import { registerMarketingHandlers } from '@/lib/marketing/handlers';
import { DEMO_PEOPLE } from '@/lib/sandbox/demo-people';
import { DEMO_HOSTESSES } from '@/lib/sandbox/demo-staff';
import { FOOTPRINTS_DEMO, type FootprintsSimulator } from '@/lib/sandbox/footprints';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { createFootprintsClient } from '@/lib/vendors/footprints';
import { SANDBOX_CREDENTIALS } from '@/lib/config';

const current: { session: StaffSession | null } = { session: null };
let handle: DbHandle;

vi.mock('@/lib/auth/session', () => ({
  getStaffSession: async () => current.session,
  requireSession: async () => current.session,
  requirePagePermission: async () => current.session,
}));
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return { ...original, getDb: async () => handle.db };
});

const actions = await import('./actions');

const ANA = DEMO_PEOPLE[0];
const ELENA = DEMO_PEOPLE[2];
const SPRING = FOOTPRINTS_DEMO.campaigns.spring;
const FLASH = FOOTPRINTS_DEMO.campaigns.flash;

let running: RunningSandbox;
const tokens: { ioana: string; maria: string } = { ioana: '', maria: '' };

function hostessSession(name: 'ioana' | 'maria'): StaffSession {
  return {
    id: `session-${name}`,
    subject: `hostess:${name}`,
    kind: 'hostess',
    displayName: name === 'ioana' ? 'Ioana Hostess' : 'Maria Hostess',
    username: null,
    roles: ['hostess'],
    stores: { all: true },
    device: `tablet-${name}`,
    createdAt: new Date(),
    lastSeenAt: new Date(),
    accessToken: tokens[name],
    tokenExpiresAt: null,
  };
}

const fpSim = () => running.sandbox.simulators.footprints as FootprintsSimulator;
const changeRequests = () => running.sandbox.getRequests('footprints').filter((r) => r.path.includes('/api/loyaltyCode/change')).length;
const redeem = (person = ANA, code = 'SPRANA01', campaignInternalId: string = SPRING) => ({
  campaignInternalId,
  email: person.email,
  phone: person.phone,
  code,
  requestId: randomUUID(),
});

beforeAll(async () => {
  setLogSink(() => {});
  running = await startSandboxServer();
  process.env.SANDBOX_ORIGIN = running.origin;
  handle = await createDb({ memory: true });
  registerMarketingHandlers();
  registerLoyaltyDeskHandlers();
});
afterAll(async () => {
  await running?.close();
  await handle?.close();
});
beforeEach(async () => {
  running.sandbox.reset();
  const fp = createFootprintsClient({ baseUrl: `${running.origin}/sandbox/footprints`, apiKey: SANDBOX_CREDENTIALS.footprintsKey, apiSecret: SANDBOX_CREDENTIALS.footprintsSecret, timeoutMs: 5000 });
  tokens.ioana = (await fp.tokenWithPin(DEMO_HOSTESSES[0].pin)).accessToken;
  tokens.maria = (await fp.tokenWithPin(DEMO_HOSTESSES[1].pin)).accessToken;
});

describe('loyalty actions', () => {
  it('two redemptions of one code fired at once from two tablets change it once; the loser is told it is redeemed', async () => {
    current.session = hostessSession('ioana');
    const first = actions.redeemCodeAction(redeem());
    current.session = hostessSession('maria');
    const second = actions.redeemCodeAction(redeem());
    const results = await Promise.all([first, second]);
    const ok = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const loser = refused[0];
    if (loser.ok) throw new Error('unreachable');
    expect(loser.error.code).toBe('conflict');
    expect(loser.error.message).toMatch(/^This code was already used: it was redeemed on .+\. Nothing was changed\.$/);
    expect(changeRequests()).toBe(1);
    expect(fpSim().findCode('SPRANA01')!.status).toBe('redeemed');
    const winner = ok[0];
    if (!winner.ok) throw new Error('unreachable');
    expect(winner.data.code.status).toBe('redeemed');
    expect(winner.data.checkin?.points?.total).toBe(15);
  });

  it('a double click (same request twice at once) changes the code once and both answers say redeemed', async () => {
    current.session = hostessSession('ioana');
    const input = redeem();
    const [a, b] = await Promise.all([actions.redeemCodeAction(input), actions.redeemCodeAction(input)]);
    expect([a, b].map((r) => (r.ok ? "ok" : r.error.message))).toEqual(["ok", "ok"]);
    if (!a.ok || !b.ok) return;
    expect([a.data.replayed, b.data.replayed].sort()).toEqual([false, true]);
    expect(a.data.code.status).toBe('redeemed');
    expect(b.data.code.status).toBe('redeemed');
    expect(changeRequests()).toBe(1);
  });

  it('refuses to redeem a blocked or an expired code, even when called directly', async () => {
    current.session = hostessSession('ioana');
    const blocked = await actions.redeemCodeAction(redeem(ELENA, 'SPRELE01'));
    expect(blocked).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!blocked.ok) expect(blocked.error.message).toMatch(/^This code is blocked/);
    const expired = await actions.redeemCodeAction(redeem(ANA, 'FLSANA01', FLASH));
    expect(expired).toEqual({ ok: false, error: { code: 'conflict', message: 'This code has expired and can no longer be redeemed. Nothing was changed.' } });
    expect(changeRequests()).toBe(0);
  });

  it('refuses to redeem or block a code of a campaign that has ended, even when called directly (Footprints would still change it)', async () => {
    current.session = hostessSession('ioana');
    const MIHAI = DEMO_PEOPLE[1];
    const AUTUMN = FOOTPRINTS_DEMO.campaigns.autumn;
    const check = await actions.checkCodeAction({ campaignInternalId: AUTUMN, email: MIHAI.email, phone: MIHAI.phone });
    expect(check).toMatchObject({ ok: true, data: { found: true, code: { code: 'AUTMIH01', state: 'campaign_ended', statusLabel: 'Campaign ended', canRedeem: false, canBlock: false } } });
    const redeemed = await actions.redeemCodeAction(redeem(MIHAI, 'AUTMIH01', AUTUMN));
    expect(redeemed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!redeemed.ok) expect(redeemed.error.message).toMatch(/^This campaign ended on .+: its codes can no longer be redeemed\. Nothing was changed\.$/);
    const blocked = await actions.blockCodeAction({ ...redeem(MIHAI, 'AUTMIH01', AUTUMN), reason: 'staff_error' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(changeRequests()).toBe(0);
    expect(fpSim().findCode('AUTMIH01')!.status).toBe('associated');
  });

  it('block requires a reason, and a note for “other”', async () => {
    current.session = hostessSession('ioana');
    // As a crafted call would send it: no reason at all.
    const noReason = await actions.blockCodeAction(redeem() as unknown as Parameters<typeof actions.blockCodeAction>[0]);
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.error.fieldErrors?.reason?.[0]).toBe('Choose why the code is blocked');
    const otherNoNote = await actions.blockCodeAction({ ...redeem(), reason: 'other' });
    if (!otherNoNote.ok) expect(otherNoNote.error.fieldErrors?.note?.[0]).toBe('Write a short note for “Other”');
    else throw new Error('expected a refusal');
    expect(changeRequests()).toBe(0);
    const blocked = await actions.blockCodeAction({ ...redeem(), reason: 'other', note: 'customer returned the voucher' });
    expect(blocked.ok).toBe(true);
    expect(fpSim().findCode('SPRANA01')!.status).toBe('blocked');
  });

  it('refuses a burst of code checks with a message saying when to try again', async () => {
    current.session = hostessSession('maria');
    const input = { campaignInternalId: SPRING, email: 'guess@example.com', phone: '0700000000' };
    for (let i = 0; i < LOOKUP_LIMIT; i++) {
      const r = await actions.checkCodeAction(input);
      expect(r).toMatchObject({ ok: true, data: { found: false } });
    }
    const refused = await actions.checkCodeAction(input);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('rate_limited');
      expect(refused.error.message).toMatch(/Try again in \d+ seconds?\./);
    }
  });
});
