import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type RunningSandbox } from './node-server';

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
