/**
 * Route handlers are doors too: each one under app/(console) must be built with the route door
 * (lib/auth/route.ts defineRoute) and refuse a caller without a session and every role the permission
 * table does not allow, exactly like its server-action siblings. A new route fails this test until it is
 * listed here with what it requires; a route anywhere under app/ that is not built with the door fails
 * unless it is one of the few public doors listed in PUBLIC_ROUTES with the reason.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERMISSIONS, type Permission } from '@/lib/auth/permissions';
import { ROLES, type Role } from '@/lib/auth/roles';
import type { StaffSession } from '@/lib/auth/session';
import { createDb, type DbHandle } from '@/lib/db';

const current: { session: StaffSession | null } = { session: null };
let handle: DbHandle;

vi.mock('@/lib/auth/session', () => ({
  getStaffSession: async () => current.session,
  requireSession: async () => current.session,
  requirePagePermission: async () => current.session,
}));
vi.mock('@/lib/db', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/db')>()), getDb: async () => handle.db }));

const ORIGIN = 'http://console.test';

/** Every console route handler, the permission it needs (null: any signed-in member of staff), and a request. */
const ROUTES: Record<string, { permission: Permission | null; call: (mod: Record<string, unknown>) => Promise<Response> }> = {
  'leads/[id]/documents/route.ts': {
    permission: 'leads.edit',
    call: (mod) => {
      const form = new FormData();
      form.set('documentType', 'contracts');
      const req = new Request(`${ORIGIN}/leads/x/documents`, { method: 'POST', body: form, headers: { origin: ORIGIN, host: 'console.test' } });
      return (mod.POST as (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>)(req, { params: Promise.resolve({ id: 'x' }) });
    },
  },
  'privacy/run-window/route.ts': {
    permission: 'privacy.lookup',
    call: (mod) => {
      const req = new Request(`${ORIGIN}/privacy/run-window`, {
        method: 'POST',
        body: JSON.stringify({ lookupId: 'nope', windowId: 'nope' }),
        headers: { origin: ORIGIN, host: 'console.test', 'content-type': 'application/json' },
      });
      return (mod.POST as (r: Request) => Promise<Response>)(req);
    },
  },
  'capture/pending/route.ts': {
    permission: null,
    call: (mod) => (mod.GET as (r: Request) => Promise<Response>)(new Request(`${ORIGIN}/capture/pending`, { headers: { host: 'console.test' } })),
  },
};

/** Routes outside the door, each with why. */
const PUBLIC_ROUTES: Record<string, string> = {
  'api/auth/[...nextauth]/route.ts': "next-auth's own endpoints: CSRF token, the throttled sign-in (lib/auth/throttle.ts), sign-out",
  'api/health/route.ts': 'the load balancer probe: no session by design, answers only whether the database does',
  'api/metrics/route.ts': 'the Prometheus scrape: no session, its own bearer token (METRICS_TOKEN); refused without it (lib/metrics-endpoint.ts)',
  'sandbox/[...path]/route.ts': 'the vendor simulators, mounted only with SANDBOX=1 (404 otherwise)',
};

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function sessionWith(roles: Role[]): StaffSession {
  const now = new Date();
  return { id: 's', subject: `user:t-${roles.join('-') || 'none'}`, kind: 'staff', displayName: 'T', username: 't', roles, stores: { all: true }, device: null, createdAt: now, lastSeenAt: now, accessToken: 'tok', tokenExpiresAt: null };
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === 'route.ts' ? [full] : [];
  });
}

const appDir = path.resolve(__dirname, '..', 'app');
const consoleDir = path.join(appDir, '(console)');
const found = routeFiles(consoleDir).map((f) => path.relative(consoleDir, f).split(path.sep).join('/'));
const allRoutes = routeFiles(appDir).map((f) => path.relative(appDir, f).split(path.sep).join('/'));

beforeAll(async () => {
  handle = await createDb({ memory: true });
});
afterAll(async () => handle?.close());

describe('console route handlers and the permission table', () => {
  it('lists every route handler under app/(console)', () => {
    expect(found.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('builds every route handler under app/ with the route door, except the listed public ones', async () => {
    const outside: string[] = [];
    for (const file of allRoutes) {
      if (PUBLIC_ROUTES[file]) continue;
      const mod = (await import(path.join(appDir, file))) as Record<string, unknown>;
      const handlers = HTTP_METHODS.filter((m) => typeof mod[m] === 'function');
      expect(handlers.length, file).toBeGreaterThan(0);
      for (const method of handlers) {
        if (typeof (mod[method] as { routeName?: unknown }).routeName !== 'string') outside.push(`${file} ${method}`);
      }
    }
    expect(outside).toEqual([]);
    for (const file of Object.keys(PUBLIC_ROUTES)) expect(allRoutes, `${file} is listed as public but gone`).toContain(file);
  });

  it('leaves exactly the large-body routes out of proxy.ts (Next would buffer and cut their bodies), which set their own headers', async () => {
    const { config } = await import('../proxy');
    const matchers = config.matcher.map((m) => new RegExp(`^${m}$`));
    const seenByProxy = (urlPath: string) => matchers.some((r) => r.test(urlPath));
    for (const file of found) {
      const mod = (await import(path.join(consoleDir, file))) as Record<string, { largeBody?: boolean }>;
      const largeBody = HTTP_METHODS.some((m) => mod[m]?.largeBody);
      const urlPath = `/${file.replace(/\/?route\.ts$/, '').replace(/\[[^\]]+\]/g, 'x1')}`;
      expect(seenByProxy(urlPath), `${urlPath} (largeBody: ${largeBody})`).toBe(!largeBody);
    }
    expect(seenByProxy('/leads/x1')).toBe(true);
    expect(seenByProxy('/login')).toBe(true);
    expect(seenByProxy('/api/health')).toBe(true);
  });

  for (const [file, spec] of Object.entries(ROUTES)) {
    it(`${file}: refused without a session and for every role lacking ${spec.permission ?? '(none)'}`, async () => {
      const mod = (await import(path.join(consoleDir, file))) as Record<string, unknown>;
      current.session = null;
      const anonymous = await spec.call(mod);
      if (spec.permission === null) {
        // Own data only: nothing to show without a session.
        expect(anonymous.status).toBe(200);
        expect(await anonymous.json()).toEqual({ waiting: 0 });
        return;
      }
      expect(anonymous.status).toBe(401);
      for (const role of ROLES) {
        current.session = sessionWith([role]);
        const res = await spec.call(mod);
        const allowed = (PERMISSIONS[spec.permission] as readonly Role[]).includes(role);
        if (allowed) expect(res.status, `${file} as ${role}`).not.toBe(403);
        else expect(res.status, `${file} as ${role}`).toBe(403);
      }
      current.session = sessionWith([]);
      expect((await spec.call(mod)).status).toBe(403);
    });
  }
});
