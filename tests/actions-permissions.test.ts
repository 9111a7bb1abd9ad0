/**
 * Every server action in app/**\/actions.ts refuses an unauthenticated call and a call from each role
 * that the permission table does not allow — exactly like a click would be refused, because a crafted
 * request reaches the same function.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERMISSIONS } from '@/lib/auth/permissions';
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
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return { ...original, getDb: async () => handle.db };
});

function sessionWith(roles: Role[]): StaffSession {
  return {
    id: 'test-session',
    subject: `user:test-${roles.join('-') || 'none'}`,
    kind: 'staff',
    displayName: 'Test',
    username: 'test',
    roles,
    stores: { all: true },
    device: null,
    createdAt: new Date(),
    lastSeenAt: new Date(),
    accessToken: 'test-access-token',
    tokenExpiresAt: null,
  };
}

function findActionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findActionFiles(full));
    else if (name === 'actions.ts') out.push(full);
  }
  return out;
}

type Action = ((input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>) & { actionName?: string; permission?: keyof typeof PERMISSIONS };

const root = path.resolve(__dirname, '..');
const files = findActionFiles(path.join(root, 'app'));

beforeAll(async () => {
  handle = await createDb({ memory: true });
});
afterAll(async () => {
  await handle?.close();
});

describe('server actions and the permission table', () => {
  it('finds the action files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    describe(path.relative(root, file), () => {
      it('every export is a defineAction with a permission from the table, refused without a session and for every role lacking it', async () => {
        const mod = (await import(file)) as Record<string, unknown>;
        const actions = Object.entries(mod).filter(([, v]) => typeof v === 'function') as [string, Action][];
        expect(actions.length).toBeGreaterThan(0);
        for (const [name, action] of actions) {
          expect(action.permission, `${name} must be built with defineAction`).toBeDefined();
          const permission = action.permission!;
          expect(PERMISSIONS[permission], `${name}: ${permission} is in the table`).toBeDefined();

          current.session = null;
          const anonymous = await action({});
          expect(anonymous.ok, `${name} without a session`).toBe(false);
          expect(anonymous.error?.code).toBe('unauthenticated');

          current.session = sessionWith([]);
          expect((await action({})).error?.code, `${name} with no role`).toBe('forbidden');

          for (const role of ROLES) {
            current.session = sessionWith([role]);
            const result = await action({});
            const allowed = (PERMISSIONS[permission] as readonly Role[]).includes(role);
            if (allowed) expect(result.error?.code, `${name} as ${role}`).not.toBe('forbidden');
            else expect(result.error?.code, `${name} as ${role}`).toBe('forbidden');
          }
        }
      });
    });
  }
});
