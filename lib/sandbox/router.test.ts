import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type RunningSandbox } from './node-server';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from './demo-staff';
import type { FootprintsSimulator } from './footprints';
import { applyStartFaults, Sandbox, tokenHash } from './router';

let running: RunningSandbox;
beforeAll(async () => {
  running = await startSandboxServer();
});
afterAll(async () => running.close());

const control = (path: string, body?: unknown) =>
  fetch(`${running.origin}/sandbox/_control${path}`, body === undefined ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body) });

describe('sandbox fault settings', () => {
  it('answers a set status for exactly failCount matching requests, then recovers', async () => {
    await control('/reset');
    expect((await control('/faults', { vendor: 'loyalty', failStatus: 429, failCount: 2, match: '/oauth/token' })).status).toBe(200);
    const hit = () => fetch(`${running.origin}/sandbox/loyalty/oauth/token`, { method: 'POST' }).then((r) => r.status);
    expect(await hit()).toBe(429);
    expect(await hit()).toBe(429);
    expect(await hit()).not.toBe(429);
    // A request that does not match is untouched.
    await control('/faults', { vendor: 'loyalty', failStatus: 500, match: 'nothing-matches-this' });
    expect(await hit()).not.toBe(500);
  });

  it('takes a vendor down and brings it back, recording what was received', async () => {
    await control('/reset');
    await control('/faults', { vendor: 'footprints', outage: true });
    expect((await fetch(`${running.origin}/sandbox/footprints/api/location`)).status).toBe(503);
    await control('/faults', { vendor: 'footprints', outage: false });
    expect((await fetch(`${running.origin}/sandbox/footprints/api/location`)).status).toBe(401);
    const log = await (await fetch(`${running.origin}/sandbox/_control/requests?vendor=footprints`)).json();
    expect(log.requests.map((r: { status: number }) => r.status)).toEqual([503, 401]);
  });

  it('accepts a write, then cuts the connection, for exactly cutCount matching writes; reads are never cut', async () => {
    await control('/reset');
    const basic = Buffer.from(`${SANDBOX_FOOTPRINTS_KEY}:${SANDBOX_FOOTPRINTS_SECRET}`).toString('base64');
    const tokenRes = await fetch(`${running.origin}/sandbox/footprints/api/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    expect((await control('/faults', { vendor: 'footprints', cutCount: 1, match: '/api/lead?' })).status).toBe(200);
    const addLead = (email: string) =>
      fetch(`${running.origin}/sandbox/footprints/api/lead?access_token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `userFirstName=Cut&userEmail=${encodeURIComponent(email)}`,
      });
    const fp = running.sandbox.simulators.footprints as FootprintsSimulator;
    // The first add-lead is stored, and no answer comes: the socket is destroyed.
    await expect(addLead('cut.one@example.com')).rejects.toThrow();
    expect(fp.listLeads({ email: 'cut.one@example.com' })).toHaveLength(1);
    // A read is never cut; the count is used up, so the next add-lead is answered.
    expect((await fetch(`${running.origin}/sandbox/footprints/api/lead?access_token=${token}&startDate=2020-01-01&endDate=2020-01-02`)).status).toBe(200);
    const answered = await addLead('cut.two@example.com');
    expect(answered.status).toBe(200);
    expect(running.sandbox.getFaults().footprints.cutCount).toBeNull();
    // A rate of 1 cuts every matching write.
    await control('/faults', { vendor: 'footprints', cutRate: 1, match: '/api/lead?' });
    await expect(addLead('cut.three@example.com')).rejects.toThrow();
    expect(fp.listLeads({ email: 'cut.three@example.com' })).toHaveLength(1);
    // GET /_control counts the answers swallowed since the reset.
    expect((await (await fetch(`${running.origin}/sandbox/_control`)).json()).cuts).toEqual({ footprints: 2 });
    expect((await control('/faults', { vendor: 'footprints', cutRate: 2 })).status).toBe(400);
    expect((await control('/faults', { vendor: 'footprints', cutCount: 0 })).status).toBe(400);
  });

  it('shows customDetails in the lead list or not, as set (the docs are silent); a reset restores it', async () => {
    await control('/reset');
    const fp = running.sandbox.simulators.footprints as FootprintsSimulator;
    expect(fp.settings().echoCustomDetails).toBe(true);
    expect((await control('/footprints', { echoCustomDetails: 'no' })).status).toBe(400);
    const res = await control('/footprints', { echoCustomDetails: false });
    expect(res.status).toBe(200);
    expect(fp.settings().echoCustomDetails).toBe(false);
    await control('/reset');
    expect(fp.settings().echoCustomDetails).toBe(true);
  });

  it('adds latency', async () => {
    await control('/reset');
    await control('/faults', { vendor: 'netcore-api', latencyMs: 200 });
    const started = performance.now();
    await fetch(`${running.origin}/sandbox/netcore-api/apiv2`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('refuses bad settings with a message that says what is allowed', async () => {
    const res = await control('/faults', { vendor: 'nobody', latencyMs: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain('vendor must be one of');
    expect((await control('/faults', { vendor: 'all', errorRate: 2 })).status).toBe(400);
  });
});

describe('the sandbox control endpoint', () => {
  const faultsNow = async () => (await (await fetch(`${running.origin}/sandbox/_control`)).json()) as { status: string; faults: Record<string, Record<string, unknown>> };

  it('GET /_control shows the current fault settings of every vendor; reset clears them', async () => {
    await control('/reset');
    const clean = await faultsNow();
    expect(clean.status).toBe('success');
    expect(Object.keys(clean.faults).sort()).toEqual(['footprints', 'loyalty', 'netcore-activity', 'netcore-api']);
    for (const f of Object.values(clean.faults)) expect(f).toEqual({ latencyMs: 0, errorRate: 0, outage: false, failStatus: null, failCount: null, match: null, cutRate: 0, cutCount: null });
    await control('/faults', { vendor: 'loyalty', latencyMs: 150, failStatus: 429 });
    const set = await faultsNow();
    expect(set.faults.loyalty).toMatchObject({ latencyMs: 150, failStatus: 429 });
    expect(set.faults.footprints).toMatchObject({ latencyMs: 0, failStatus: null });
    await control('/reset');
    expect((await faultsNow()).faults.loyalty).toMatchObject({ latencyMs: 0, failStatus: null });
  });

  it('vendor "all" sets every vendor at once', async () => {
    await control('/reset');
    await control('/faults', { vendor: 'all', outage: true });
    for (const f of Object.values((await faultsNow()).faults)) expect(f.outage).toBe(true);
    for (const v of ['footprints/api/location', 'netcore-api/apiv2', 'netcore-activity/v1/activity/upload', 'loyalty/oauth/token']) {
      expect((await fetch(`${running.origin}/sandbox/${v}`)).status, v).toBe(503);
    }
    await control('/faults', { vendor: 'all', outage: false });
    expect((await fetch(`${running.origin}/sandbox/footprints/api/location`)).status).toBe(401);
  });

  it('errorRate fails that share of requests with 500 (1 = all, 0 = none)', async () => {
    await control('/reset');
    await control('/faults', { vendor: 'footprints', errorRate: 1 });
    const statuses = await Promise.all(Array.from({ length: 5 }, () => fetch(`${running.origin}/sandbox/footprints/api/location`).then((r) => r.status)));
    expect(statuses).toEqual([500, 500, 500, 500, 500]);
    // Other vendors are untouched.
    expect((await fetch(`${running.origin}/sandbox/loyalty/oauth/token`, { method: 'POST' })).status).not.toBe(500);
    await control('/faults', { vendor: 'footprints', errorRate: 0.5 });
    const mixed = await Promise.all(Array.from({ length: 60 }, () => fetch(`${running.origin}/sandbox/footprints/api/location`).then((r) => r.status)));
    // 60 draws at 50 %: all-500 or none-500 has a chance of 2 × 2⁻⁶⁰.
    expect(mixed.filter((s) => s === 500).length).toBeGreaterThan(0);
    expect(mixed.filter((s) => s === 401).length).toBeGreaterThan(0);
    await control('/faults', { vendor: 'footprints', errorRate: 0 });
    expect((await fetch(`${running.origin}/sandbox/footprints/api/location`)).status).toBe(401);
  });

  it('finds the requests that carried a tag, without listing what they carried', async () => {
    await control('/reset');
    await fetch(`${running.origin}/sandbox/netcore-api/apiv2?type=contact`, { method: 'POST', body: 'data=tag-one-abc' });
    await fetch(`${running.origin}/sandbox/netcore-api/apiv2?type=contact`, { method: 'POST', body: 'data=tag-two-def' });
    await fetch(`${running.origin}/sandbox/footprints/api/lead?x=tag-one-abc`);
    const find = async (q: string) => (await (await fetch(`${running.origin}/sandbox/_control/requests?${q}`)).json()) as { count: number; requests: Record<string, unknown>[] };
    expect((await find('vendor=netcore-api&contains=tag-one-abc')).count).toBe(1);
    expect((await find('contains=tag-one-abc')).count).toBe(2);
    expect((await find('contains=nothing-like-this')).count).toBe(0);
    const all = await find('vendor=netcore-api');
    expect(all.count).toBe(2);
    expect(JSON.stringify(all)).not.toContain('tag-two-def');
  });

  it('keeps a hash of the credential, never the credential', async () => {
    await control('/reset');
    await fetch(`${running.origin}/sandbox/footprints/api/location?access_token=secret-token-123`);
    await fetch(`${running.origin}/sandbox/netcore-activity/v1/activity/upload`, { method: 'POST', headers: { authorization: 'Bearer other-key-456' }, body: '[]' });
    const log = (await (await fetch(`${running.origin}/sandbox/_control/requests`)).json()) as { requests: { credential: string | null }[] };
    expect(log.requests.map((r) => r.credential)).toEqual([tokenHash('secret-token-123'), tokenHash('other-key-456')]);
    expect(tokenHash('secret-token-123')).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(log)).not.toContain('secret-token-123');
  });

  it('SANDBOX_START_FAULTS: a sandbox can start with a vendor down; a wrong value is refused', () => {
    const sandbox = new Sandbox();
    applyStartFaults(sandbox, '[{"vendor":"footprints","outage":true},{"vendor":"all","latencyMs":5}]');
    expect(sandbox.getFaults().footprints).toMatchObject({ outage: true, latencyMs: 5 });
    expect(sandbox.getFaults().loyalty).toMatchObject({ outage: false, latencyMs: 5 });
    applyStartFaults(sandbox, undefined);
    expect(() => applyStartFaults(new Sandbox(), 'not json')).toThrow(/JSON list/);
    expect(() => applyStartFaults(new Sandbox(), '[{"vendor":"nobody"}]')).toThrow(/vendor must be one of/);
  });
});
