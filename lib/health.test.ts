/** Issue 11, point 7: health asks the database only, never a vendor, and fails only when the database does. */
import { afterEach, describe, expect, it, vi } from 'vitest';

const state: { ping: () => Promise<{ ok: boolean; latencyMs: number }> } = { ping: async () => ({ ok: true, latencyMs: 1 }) };
vi.mock('@/lib/db', () => ({
  getDbHandle: async () => ({ db: {}, engine: 'pglite' }),
  pingDb: () => state.ping(),
}));

const { checkHealth } = await import('./health');
const { beginDraining, resetLifecycleForTests } = await import('@/lib/lifecycle');

afterEach(() => vi.unstubAllGlobals());

describe('checkHealth', () => {
  it('is unavailable while the instance shuts down (issue 13), so the balancer sends requests elsewhere', async () => {
    state.ping = async () => ({ ok: true, latencyMs: 1 });
    beginDraining();
    try {
      expect(await checkHealth()).toMatchObject({ status: 'unavailable', draining: true, database: { ok: true } });
    } finally {
      resetLifecycleForTests();
    }
    expect((await checkHealth()).status).toBe('ok');
  });

  it('is ok when the database answers, and sends nothing anywhere (vendors included)', async () => {
    const fetchSpy = vi.fn(async () => new Response('down', { status: 503 }));
    vi.stubGlobal('fetch', fetchSpy);
    const report = await checkHealth();
    expect(report).toMatchObject({ status: 'ok', database: { ok: true, engine: 'pglite' } });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(JSON.stringify(report)).not.toMatch(/footprints|netcore|loyalty/i);
  });

  it('is unavailable when the database fails or does not answer within the timeout', async () => {
    state.ping = async () => ({ ok: false, latencyMs: 1 });
    expect((await checkHealth()).status).toBe('unavailable');
    state.ping = () => new Promise(() => undefined);
    const started = Date.now();
    expect((await checkHealth(200)).status).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
