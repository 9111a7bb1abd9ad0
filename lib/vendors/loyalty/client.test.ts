import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink, type LogLevel } from '@/lib/log';
import {
  SANDBOX_LOYALTY_BUSINESS_UNIT,
  SANDBOX_LOYALTY_CLIENT_ID,
  SANDBOX_LOYALTY_CLIENT_SECRET,
} from '@/lib/sandbox/demo-staff';
import type { LoyaltySimulator } from '@/lib/sandbox/loyalty';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { VendorError } from '@/lib/vendors/http';
import {
  createLoyaltyClient,
  isActivityAlreadyRecorded,
  sumEarnedPoints,
  type LoyaltyAction,
  type LoyaltyClientOptions,
  type SendActivityInput,
} from './client';

let running: RunningSandbox;
beforeAll(async () => {
  running = await startSandboxServer();
});
afterAll(async () => {
  await running.close();
});
afterEach(() => {
  running.sandbox.reset();
});

const sim = () => running.sandbox.simulators.loyalty as LoyaltySimulator;
const tokenRequests = () => running.sandbox.getRequests('loyalty').filter((r) => r.path === '/oauth/token');
const activityRequests = () => running.sandbox.getRequests('loyalty').filter((r) => r.path.startsWith('/client/users/'));

function client(overrides: Partial<LoyaltyClientOptions> = {}) {
  return createLoyaltyClient({
    baseUrl: `${running.origin}/sandbox/loyalty/`,
    tokenUrl: `${running.origin}/sandbox/loyalty/oauth/token`,
    clientId: SANDBOX_LOYALTY_CLIENT_ID,
    clientSecret: SANDBOX_LOYALTY_CLIENT_SECRET,
    businessUnit: SANDBOX_LOYALTY_BUSINESS_UNIT,
    timeoutMs: 2000,
    ...overrides,
  });
}

let seq = 0;
const activity = (extra: Partial<SendActivityInput> = {}): SendActivityInput => ({
  correlationId: 'member-0001',
  activityId: `act-${++seq}`,
  action: 'SURVEY_RESPONSE',
  channel: 'STORE',
  note: 'NPS survey at the till',
  when: new Date('2024-05-10T10:00:00Z'),
  extendedData: [{ name: 'store', value: 'B01' }],
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError');
}

describe('sendActivity', () => {
  it('records the activity and reads the points (documented shape)', async () => {
    const result = await client().sendActivity(activity({ activityId: 'act-happy' }));
    expect(result).toEqual({
      activityId: 'act-happy',
      type: 'SURVEY_RESPONSE',
      earned: { [SANDBOX_LOYALTY_BUSINESS_UNIT]: { loyalty: { base: 50, bonus: 10, targeted: 20, total: 80 } } },
    });
    expect(sim().loyaltyActivities()).toEqual([
      expect.objectContaining({
        correlationId: 'member-0001',
        activityId: 'act-happy',
        action: 'SURVEY_RESPONSE',
        channel: 'STORE',
        businessUnit: SANDBOX_LOYALTY_BUSINESS_UNIT,
        note: 'NPS survey at the till',
        when: '2024-05-10T10:00:00.000Z',
        extendedData: [{ name: 'store', value: 'B01' }],
      }),
    ]);
  });

  it('without a business unit, every BU with an offer pays; the helper sums them', async () => {
    const result = await client({ businessUnit: undefined }).sendActivity(activity({ action: 'APP_CHECKIN', extendedData: undefined, note: undefined }));
    expect(Object.keys(result.earned).sort()).toEqual(['STOREDESK_OUTLET', 'STOREDESK_RETAIL']);
    expect(sumEarnedPoints(result.earned)).toEqual({ base: 15, bonus: 5, targeted: 0, total: 20 });
    expect(sim().loyaltyActivities()[0].businessUnit).toBeNull();
  });

  it('documented error: ActivityID already exists → 400 INVALID_REQUEST, not retryable', async () => {
    const c = client();
    await c.sendActivity(activity({ activityId: 'act-dup' }));
    const err = await failure(c.sendActivity(activity({ activityId: 'act-dup' })));
    expect(err.status).toBe(400);
    expect(err.vendorCode).toBe('INVALID_REQUEST');
    expect(err.reason).toBe('ActivityID already exists');
    expect(err.retryable).toBe(false);
    expect(isActivityAlreadyRecorded(err)).toBe(true);
    expect(sim().loyaltyActivities()).toHaveLength(1);
  });

  it.each([
    [{ businessUnit: 'NO_SUCH_BU' }, 'Provided business unit is not valid'],
    [{ businessUnit: 'STOREDESK_LEGACY' }, 'Provided businessUnit is disabled'],
    [{ correlationId: 'LOY-FOREIGN-0001' }, 'LoyaltyId specified is not associated with this Account'],
    [{ channel: ' ' }, 'Channel not found'],
    [{ action: 'PURCHASE' as unknown as LoyaltyAction }, 'Action not found'],
    [{ when: 'yesterday' }, 'When not found'],
  ] as const)('documented 400 %o → %s', async (patch, message) => {
    const err = await failure(client().sendActivity(activity(patch)));
    expect(err.status).toBe(400);
    expect(err.reason).toBe(message);
    expect(err.vendorCode).toBe('INVALID_REQUEST');
    expect(err.retryable).toBe(false);
    expect(isActivityAlreadyRecorded(err)).toBe(false);
  });

  it('refuses extendedData over 20 entries or 5 KB before the network', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `k${i}`, value: 'v' }));
    expect((await failure(client().sendActivity(activity({ extendedData: many })))).kind).toBe('invalid_request');
    const big = [{ name: 'blob', value: 'x'.repeat(5 * 1024) }];
    expect((await failure(client().sendActivity(activity({ extendedData: big })))).kind).toBe('invalid_request');
    expect(running.sandbox.getRequests('loyalty')).toHaveLength(0);
    // Exactly 20 small entries pass.
    await client().sendActivity(activity({ extendedData: many.slice(0, 20) }));
    expect(sim().loyaltyActivities()[0].extendedData).toHaveLength(20);
  });
});

describe('token', () => {
  it('is fetched lazily once and cached across calls', async () => {
    const c = client();
    expect(tokenRequests()).toHaveLength(0);
    await c.sendActivity(activity());
    await c.sendActivity(activity());
    await c.sendActivity(activity());
    expect(tokenRequests()).toHaveLength(1);
    expect(activityRequests()).toHaveLength(3);
  });

  it('is shared by concurrent callers (one fetch)', async () => {
    const c = client();
    await Promise.all(Array.from({ length: 5 }, () => c.sendActivity(activity())));
    expect(tokenRequests()).toHaveLength(1);
    expect(sim().loyaltyActivities()).toHaveLength(5);
  });

  it('is renewed shortly before it expires', async () => {
    let clock = 1_000_000;
    const c = client({ now: () => clock });
    await c.sendActivity(activity());
    clock += 3600_000 - 61_000;
    await c.sendActivity(activity());
    expect(tokenRequests()).toHaveLength(1);
    clock += 2_000; // now within the last minute of the token's hour
    await c.sendActivity(activity());
    expect(tokenRequests()).toHaveLength(2);
  });

  it('on a 401 is fetched again once and the call retried once', async () => {
    const c = client();
    await c.sendActivity(activity());
    sim().expireTokens();
    const result = await c.sendActivity(activity({ activityId: 'after-expiry' }));
    expect(result.activityId).toBe('after-expiry');
    expect(tokenRequests()).toHaveLength(2);
    expect(activityRequests().map((r) => r.status)).toEqual([200, 401, 200]);
  });

  it('a second 401 is not retried again', async () => {
    sim().setTokenLifetimeSeconds(0); // every token is born expired
    const err = await failure(client().sendActivity(activity()));
    expect(err.status).toBe(401);
    expect(err.vendorCode).toBe('UNAUTHORIZED');
    expect(err.retryable).toBe(false);
    expect(tokenRequests()).toHaveLength(2);
    expect(activityRequests().map((r) => r.status)).toEqual([401, 401]);
  });

  it('a bad client secret is a 401 from the token endpoint; the secret is in no error nor log line', async () => {
    const lines: string[] = [];
    const prev = setLogSink((_l: LogLevel, line: string) => lines.push(line));
    let err: VendorError;
    try {
      err = await failure(client({ clientSecret: 'wrong-loyalty-secret' }).sendActivity(activity()));
    } finally {
      setLogSink(prev);
    }
    expect(err.operation).toBe('token');
    expect(err.status).toBe(401);
    expect(err.vendorCode).toBe('invalid_client');
    expect(err.retryable).toBe(false);
    expect(err.message).not.toContain('wrong-loyalty-secret');
    expect(lines.some((l) => l.includes('vendor.loyalty.failed'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain('wrong-loyalty-secret');
      expect(line).not.toContain(Buffer.from(`${SANDBOX_LOYALTY_CLIENT_ID}:wrong-loyalty-secret`).toString('base64'));
    }
    expect(activityRequests()).toHaveLength(0);
  });
});

describe('faults', () => {
  it('times out against a slow vendor, retryably', async () => {
    running.sandbox.setFaults('loyalty', { latencyMs: 400 });
    const err = await failure(client({ timeoutMs: 100 }).sendActivity(activity()));
    expect(err.kind).toBe('timeout');
    expect(err.retryable).toBe(true);
  });

  it.each([503, 429, 500])('HTTP %i on the activity is retryable', async (status) => {
    running.sandbox.setFaults('loyalty', { failStatus: status, match: '/activities/' });
    const err = await failure(client().sendActivity(activity()));
    expect(err.operation).toBe('sendActivity');
    expect(err.status).toBe(status);
    expect(err.retryable).toBe(true);
  });

  it('HTTP 400 is not retryable', async () => {
    running.sandbox.setFaults('loyalty', { failStatus: 400, match: '/activities/' });
    const err = await failure(client().sendActivity(activity()));
    expect(err.status).toBe(400);
    expect(err.retryable).toBe(false);
  });
});
