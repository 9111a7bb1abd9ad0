import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink, type LogLevel } from '@/lib/log';
import { todayDdmmyyyy, addDays, parseDdmmyyyy, formatDdmmyyyy } from './window-rule';
import { SANDBOX_NETCORE_API_KEY } from '@/lib/sandbox/demo-staff';
import { NETCORE_SANDBOX_ACCOUNT_TIMEZONE, type NetcoreActivitySimulator, type NetcoreApiSimulator } from '@/lib/sandbox/netcore';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { VendorError } from '@/lib/vendors/http';
import { NetcoreUploadError, createNetcoreClient, type NetcoreActivity, type NetcoreClientOptions } from './client';

let running: RunningSandbox;
const tz = NETCORE_SANDBOX_ACCOUNT_TIMEZONE;

beforeAll(async () => {
  running = await startSandboxServer();
});
afterAll(async () => {
  await running.close();
});
afterEach(() => {
  running.sandbox.reset();
});

function client(overrides: Partial<NetcoreClientOptions> = {}) {
  return createNetcoreClient({
    // With and without trailing slash: both must work.
    apiBaseUrl: `${running.origin}/sandbox/netcore-api/apiv2/`,
    activityBaseUrl: `${running.origin}/sandbox/netcore-activity`,
    apiKey: SANDBOX_NETCORE_API_KEY,
    assetId: 'sandbox-asset',
    listId: '1',
    timeoutMs: 2000,
    timeZone: tz,
    ...overrides,
  });
}

const apiSim = () => running.sandbox.simulators['netcore-api'] as NetcoreApiSimulator;
const activitySim = () => running.sandbox.simulators['netcore-activity'] as NetcoreActivitySimulator;

async function failure(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError');
}

const visit = (i: number, extra: Partial<NetcoreActivity> = {}): NetcoreActivity => ({
  activityName: 'Store Visit',
  identity: `customer-${i}@example.com`,
  timestamp: new Date(Date.UTC(2024, 4, 10, 10, 0, i % 60)),
  activitySource: 'STORE',
  params: { store: 'B01', visit_no: i },
  ...extra,
});

describe('uploadActivities', () => {
  it('sends one activity as the single object and reads the documented answer', async () => {
    const result = await client({ activityBaseUrl: `${running.origin}/sandbox/netcore-activity/` }).uploadActivities([
      visit(1, { products: [{ product_name: 'Serum', price: '250.0', quantity: '1' }] }),
    ]);
    expect(result).toEqual({ batches: [{ batch: 0, size: 1, successCount: 1, failedCount: 0, failures: [] }], successCount: 1, failedCount: 0 });
    const stored = activitySim().activities();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      assetId: 'sandbox-asset',
      activityName: 'Store Visit',
      identity: 'customer-1@example.com',
      timestamp: '2024-05-10T10:00:01.000Z',
      activitySource: 'STORE',
      params: { store: 'B01', visit_no: 1, product: [{ product_name: 'Serum', price: '250.0', quantity: '1' }] },
    });
  });

  it('never sends an empty product array (the record would be dropped)', async () => {
    const result = await client().uploadActivities([visit(1, { products: [] }), visit(2)]);
    expect(result.successCount).toBe(2);
    expect(result.failedCount).toBe(0);
    expect(activitySim().activities().map((a) => 'product' in a.params)).toEqual([false, false]);
  });

  it('batches 2,500 activities into 3 requests of at most 1000', async () => {
    const all = Array.from({ length: 2500 }, (_, i) => visit(i));
    const result = await client().uploadActivities(all);
    expect(result.batches.map((b) => b.size)).toEqual([1000, 1000, 500]);
    expect(result.successCount).toBe(2500);
    expect(running.sandbox.getRequests('netcore-activity')).toHaveLength(3);
    expect(activitySim().uploads().map((u) => u.size)).toEqual([1000, 1000, 500]);
    expect(activitySim().activities()).toHaveLength(2500);
  });

  it('sends nothing for an empty list', async () => {
    expect(await client().uploadActivities([])).toEqual({ batches: [], successCount: 0, failedCount: 0 });
    expect(running.sandbox.getRequests('netcore-activity')).toHaveLength(0);
  });

  it('reports records the vendor refused, read from the string-held failure list', async () => {
    // Readable by Date.parse (so the client lets it through) but not ISO-8601, which the vendor requires.
    const result = await client().uploadActivities([visit(1), visit(2, { timestamp: 'Fri, 10 May 2024 10:00:00 GMT' })]);
    expect(result.successCount).toBe(1);
    expect(result.failedCount).toBe(1);
    expect(result.batches[0].failures).toEqual([{ code: '400', error: 'Bad Request | Missing Parameter - Timestamp' }]);
    expect(activitySim().activities().map((a) => a.identity)).toEqual(['customer-1@example.com']);
  });

  it('refuses before the network an activity without identity or a readable timestamp', async () => {
    expect((await failure(client().uploadActivities([visit(1, { timestamp: 'yesterday' })]))).kind).toBe('invalid_request');
    expect((await failure(client().uploadActivities([visit(1, { identity: undefined })]))).kind).toBe('invalid_request');
    expect(running.sandbox.getRequests('netcore-activity')).toHaveLength(0);
  });

  it('documented error: missing activity name → 400 "Missing Parameter - Activity Name", not retryable', async () => {
    const err = await failure(client().uploadActivities([visit(1, { activityName: '' })]));
    expect(err.status).toBe(400);
    expect(err.retryable).toBe(false);
    expect(err.vendorCode).toBe('400');
    expect(err.message).toContain('Bad Request | Missing Parameter - Activity Name');
    expect(err.message).not.toContain('customer-1@example.com');
  });

  it('a wrong key is a 401, and the key never shows', async () => {
    const err = await failure(client({ apiKey: 'wrong-netcore-key' }).uploadActivities([visit(1)]));
    expect(err.status).toBe(401);
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('Unauthorized | Invalid API Key');
    expect(err.message).not.toContain('wrong-netcore-key');
  });

  it('a failing second batch names the accepted first one', async () => {
    running.sandbox.setFaults('netcore-activity', { failStatus: 503, match: 'customer-1500@' });
    const err = await failure(client().uploadActivities(Array.from({ length: 2000 }, (_, i) => visit(i))));
    expect(err).toBeInstanceOf(NetcoreUploadError);
    const upload = err as NetcoreUploadError;
    expect(upload.failedBatch).toBe(1);
    expect(upload.acceptedBatches.map((b) => b.successCount)).toEqual([1000]);
    expect(upload.status).toBe(503);
    expect(upload.retryable).toBe(true);
  });
});

describe('addContactSync', () => {
  it('adds a contact with the form body and list id', async () => {
    const result = await client().addContactSync({ data: { EMAIL: 'new.person@example.com', MOBILE: '0722999999', NAME: 'New Person' } });
    expect(result.requestId).toMatch(/^sbx[0-9a-f]{29}$/);
    const added = apiSim().contacts().find((c) => c.EMAIL === 'new.person@example.com');
    expect(added).toMatchObject({ attributes: { MOBILE: '0722999999', NAME: 'New Person' }, listIds: [1] });
  });

  it('documented error: a duplicate EMAIL is the 302 body → vendorCode "302", not retryable, no e-mail in the message', async () => {
    const err = await failure(client().addContactSync({ data: { EMAIL: 'ana.popescu@example.com', NAME: 'Ana' }, listId: 7 }));
    expect(err.vendorCode).toBe('302');
    expect(err.retryable).toBe(false);
    expect(err.kind).toBe('http');
    expect(err.message).toContain("for key 'uniqid'");
    expect(err.message).not.toContain('ana.popescu');
  });

  it('also reads a real HTTP 302 carrying the error body', async () => {
    const fetchImpl: typeof fetch = async () =>
      new Response(JSON.stringify({ status: 'error', error_code: 302, details: "Duplicate entry 'x@example.com' for key 'uniqid'" }), { status: 302 });
    const err = await failure(client({ fetchImpl }).addContactSync({ data: { EMAIL: 'x@example.com' } }));
    expect(err.vendorCode).toBe('302');
    expect(err.retryable).toBe(false);
    expect(err.message).not.toContain('x@example.com');
  });

  it('a wrong apikey is a 401 and the key is redacted from the error and the log line', async () => {
    const lines: string[] = [];
    const prev = setLogSink((_level: LogLevel, line: string) => lines.push(line));
    try {
      const err = await failure(client({ apiKey: 'leaky-secret-key-123' }).addContactSync({ data: { EMAIL: 'someone@example.com' } }));
      expect(err.status).toBe(401);
      expect(err.message).not.toContain('leaky-secret-key-123');
      expect(JSON.stringify(err.toJSON())).not.toContain('leaky-secret-key-123');
    } finally {
      setLogSink(prev);
    }
    const failed = lines.filter((l) => l.includes('vendor.netcore.failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('apikey=[redacted]');
    expect(failed[0]).not.toContain('leaky-secret-key-123');
    expect(failed[0]).not.toContain('someone@example.com');
  });

  it('redacts the key from a network error too', async () => {
    const err = await failure(
      client({ apiBaseUrl: 'http://127.0.0.1:1/apiv2', apiKey: 'network-secret-key' }).addContactSync({ data: { EMAIL: 'a@example.com' } }),
    );
    expect(err.kind).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.message).not.toContain('network-secret-key');
  });
});

describe('getUserChannelActivity', () => {
  const today = () => todayDdmmyyyy(tz);
  const daysAgo = (n: number) => formatDdmmyyyy(addDays(parseDdmmyyyy(today())!, -n));

  it('returns the seeded activity of the window in the documented shape, dates read in the account zone', async () => {
    const result = await client().getUserChannelActivity({ primaryKey: 'ana.popescu@example.com', channel: 'email', fromDate: daysAgo(6), toDate: today() });
    expect(result.channel).toBe('email');
    expect(result.fromDate).toBe(daysAgo(6));
    expect(result.toDate).toBe(today());
    const seeded = apiSim()
      .channelActivity('ana.popescu@example.com')
      .filter((e) => e.channel === 'email' && e.at.getTime() >= Date.now() - 5 * 86_400_000);
    expect(seeded.length).toBeGreaterThan(0);
    expect(result.activities.length).toBeGreaterThanOrEqual(seeded.length);
    for (const a of result.activities) {
      expect(a.activityDate.raw).toMatch(/^\d{2} [A-Z][a-z]{2} \d{4} @\d{1,2}:\d{2}[ap]m$/);
      expect(a.activityDate.instant).not.toBeNull();
      expect(['sent', 'delivered', 'open', 'click', 'bounce']).toContain(a.activity);
    }
    // Every seeded instant of the window is returned, to the minute.
    const instants = new Set(result.activities.map((a) => a.activityDate.instant));
    for (const e of seeded) {
      const minute = new Date(Math.floor(e.at.getTime() / 60_000) * 60_000).toISOString();
      expect(instants.has(minute)).toBe(true);
    }
  });

  it('seven days counting both ends pass; eight are refused without touching the network', async () => {
    await client().getUserChannelActivity({ primaryKey: 'mihai.ionescu@example.com', channel: 'sms', fromDate: daysAgo(6), toDate: today() });
    expect(running.sandbox.getRequests('netcore-api')).toHaveLength(1);
    running.sandbox.reset();

    const err = await failure(client().getUserChannelActivity({ primaryKey: 'mihai.ionescu@example.com', channel: 'sms', fromDate: daysAgo(7), toDate: today() }));
    expect(err.kind).toBe('invalid_request');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('at most 7 days');
    expect(err.message).not.toContain('mihai.ionescu');
    expect(running.sandbox.getRequests('netcore-api')).toHaveLength(0);
  });

  it('refuses end-before-start, future and malformed dates before the network', async () => {
    const c = client({ today: () => '20072018' });
    for (const [fromDate, toDate] of [
      ['19072018', '18072018'],
      ['15072018', '21072018'],
      ['2018-07-15', '19072018'],
      ['31062018', '01072018'],
    ]) {
      const err = await failure(c.getUserChannelActivity({ primaryKey: 'ana.popescu@example.com', channel: 'email', fromDate, toDate }));
      expect(err.kind).toBe('invalid_request');
    }
    expect(running.sandbox.getRequests('netcore-api')).toHaveLength(0);
  });

  it('times out against a slow vendor, retryably', async () => {
    running.sandbox.setFaults('netcore-api', { latencyMs: 400 });
    const err = await failure(
      client({ timeoutMs: 100 }).getUserChannelActivity({ primaryKey: 'ana.popescu@example.com', channel: 'email', fromDate: daysAgo(1), toDate: today() }),
    );
    expect(err.kind).toBe('timeout');
    expect(err.status).toBe(0);
    expect(err.retryable).toBe(true);
  });

  it.each([503, 429, 500])('HTTP %i is retryable', async (status) => {
    running.sandbox.setFaults('netcore-api', { failStatus: status });
    const err = await failure(client().getUserChannelActivity({ primaryKey: 'ana.popescu@example.com', channel: 'email', fromDate: daysAgo(1), toDate: today() }));
    expect(err.status).toBe(status);
    expect(err.retryable).toBe(true);
  });

  it('HTTP 400 is not retryable', async () => {
    running.sandbox.setFaults('netcore-api', { failStatus: 400 });
    const err = await failure(client().getUserChannelActivity({ primaryKey: 'ana.popescu@example.com', channel: 'email', fromDate: daysAgo(1), toDate: today() }));
    expect(err.status).toBe(400);
    expect(err.retryable).toBe(false);
  });
});
