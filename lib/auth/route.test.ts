/**
 * The route door (issue 11, point 6) against the attacks it exists for: a foreign-origin request, an
 * over-size body with and without Content-Length, and the one error → status table.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StaffSession } from '@/lib/auth/session';
import { auditEvents, createDb, type DbHandle } from '@/lib/db';
import { ConflictError, ValidationError } from '@/lib/errors';

const current: { session: StaffSession | null } = { session: null };
let handle: DbHandle;
vi.mock('@/lib/auth/session', () => ({ getStaffSession: async () => current.session }));
vi.mock('@/lib/db', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/db')>()), getDb: async () => handle.db }));

const { defineRoute, ROUTE_ERROR_STATUS } = await import('./route');

const ORIGIN = 'http://console.test';
const now = new Date();
const manager: StaffSession = { id: 's', subject: 'user:m', kind: 'staff', displayName: 'M', username: 'm', roles: ["manager"], stores: { all: true }, device: null, createdAt: now, lastSeenAt: now, accessToken: 't', tokenExpiresAt: null };

beforeAll(async () => {
  handle = await createDb({ memory: true });
  current.session = manager;
});
afterAll(async () => handle?.close());

/**
 * A body with no end in sight (it stops at 4 MB, so that a door which does not count what it reads fails
 * these tests instead of hanging them), counting how much of it was pulled.
 */
function endlessBody(chunkBytes: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= 4 * 1024 * 1024) return controller.close();
      state.pulled += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
  });
  return { stream, state };
}

const handler = vi.fn(async (_req: Request, ctx: { body: { json(): Promise<unknown> } }) => ctx.body.json());
const route = defineRoute({ name: 'test.echo', permission: 'leads.edit', maxBodyBytes: 1024, handler });
const call = (init: RequestInit & { duplex?: 'half' }) => route(new Request(`${ORIGIN}/echo`, { method: 'POST', ...init }), { params: Promise.resolve({}) });

describe('defineRoute', () => {
  it('serves a same-origin request within the cap', async () => {
    const res = await call({ body: JSON.stringify({ a: 1 }), headers: { origin: ORIGIN, host: 'console.test', 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: { a: 1 } });
  });

  it('refuses a foreign origin (and a request with neither Origin nor Sec-Fetch-Site) before the handler, and audits it', async () => {
    handler.mockClear();
    const foreign = await call({ body: '{}', headers: { origin: 'https://evil.example', host: 'console.test' } });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('cross_origin');
    expect((await call({ body: '{}', headers: { host: 'console.test', 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await call({ body: '{}', headers: { host: 'console.test' } })).status).toBe(403);
    expect((await call({ body: '{}', headers: { host: 'console.test', 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
    const audit = await handle.db.select().from(auditEvents);
    expect(audit.some((e) => e.action === 'test.echo' && e.outcome === 'refused' && JSON.stringify(e.detail).includes('cross_origin'))).toBe(true);
  });

  it('refuses a declared over-size body without reading any of it', async () => {
    const { stream, state } = endlessBody(256);
    const res = await call({ body: stream, duplex: 'half', headers: { origin: ORIGIN, host: 'console.test', 'content-length': '5000' } });
    expect(res.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(256 * 2); // what the stream may have queued up front, never read by the door
  });

  it('refuses a chunked body while reading it, as soon as it passes the cap (never buffered whole)', async () => {
    const { stream, state } = endlessBody(256);
    const res = await call({ body: stream, duplex: 'half', headers: { origin: ORIGIN, host: 'console.test' } });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('too_large');
    // An endless body: the door stopped a chunk or two after 1 KB.
    expect(state.pulled).toBeLessThanOrEqual(1024 + 256 * 3);
  });

  it('maps thrown errors through the one status table', async () => {
    const cases: [unknown, number][] = [
      [new ValidationError('no'), 400],
      [new ConflictError('moved'), 409],
      [new Error('boom'), 500],
    ];
    for (const [error, status] of cases) {
      const failing = defineRoute({ name: 'test.fail', permission: null, handler: async () => Promise.reject(error) });
      const res = await failing(new Request(`${ORIGIN}/x`, { method: 'POST', body: '{}', headers: { origin: ORIGIN, host: 'console.test' } }), { params: Promise.resolve({}) });
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(ROUTE_ERROR_STATUS[body.error.code as keyof typeof ROUTE_ERROR_STATUS]).toBe(status);
      expect(JSON.stringify(body)).not.toContain('boom');
    }
  });
});
