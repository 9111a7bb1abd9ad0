/**
 * Issue 12: a person an admin set up under one username (the e-mail Footprints lists for them, or its local
 * part) who signs in with the other gets that setup, when Footprints' business-users list links the two.
 * PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { auditEvents, roleAssignments, staffMembers, staffSessions, staffStoreScopes } from '@/lib/db/schema';
import { setLogSink } from '@/lib/log';
import { SANDBOX_SEED_MARK } from './sandbox-roles';
import { claimLinkedSetup, getAssignedRole, getStoreOverride } from './staff-directory';
import { signInStaff } from './sign-in';
import { linkedUsernames, storesOf, type VendorStaffEntry } from './stores';

const vendor = { handle: null as TestDb | null, users: [] as { _id: string; email?: string; locations?: { _id: string }[] }[] };
vi.mock('@/lib/db', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/db')>()), getDb: async () => vendor.handle!.db }));
vi.mock('@/lib/vendors/clients', () => ({
  getFootprintsClient: () => ({
    requestToken: async () => ({ accessToken: 'linked-setup-token', scope: ['app_scope'], expiresIn: 3600 }),
    listBusinessUsers: async () => vendor.users,
  }),
}));

const USERS: VendorStaffEntry[] = [
  { id: 'u1', email: 'Maria.Pop@chain.example', locationIds: ['L9'] },
  { id: 'u2', email: 'dan@north.example', locationIds: ['L1'] },
  { id: 'u3', email: 'dan@south.example', locationIds: ['L2'] },
];

describe('linkedUsernames', () => {
  it('names the business user by its e-mail and, while unambiguous, its local part; nothing for a stranger', () => {
    expect(linkedUsernames(USERS, 'maria.pop')).toEqual(['maria.pop@chain.example', 'maria.pop']);
    expect(linkedUsernames(USERS, 'MARIA.POP@chain.example')).toEqual(['maria.pop@chain.example', 'maria.pop']);
    // Two business users share the local part: the short name links nobody, each e-mail only itself.
    expect(linkedUsernames(USERS, 'dan')).toEqual([]);
    expect(linkedUsernames(USERS, 'dan@north.example')).toEqual(['dan@north.example']);
    expect(linkedUsernames(USERS, 'maria')).toEqual([]);
    expect(linkedUsernames(USERS, 'maria.pop@other.example')).toEqual([]);
  });
});

describe.each(testEngines)('a setup under the other username, on %s', (engine) => {
  let handle: TestDb;
  let asked = 0;
  const footprints = (users: VendorStaffEntry[] | null) => async () => {
    asked += 1;
    return users;
  };
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  const setUp = async (subject: string, role: 'manager' | 'support' | null, stores: string[] | null, minutesAgo = 10, assignedBy = 'user:admin') => {
    if (role) await handle.db.insert(roleAssignments).values({ subject, role, assignedBy, assignedAt: at(minutesAgo) });
    if (stores) await handle.db.insert(staffStoreScopes).values({ subject, allStores: false, locationIds: stores, assignedBy, assignedAt: at(minutesAgo) });
  };
  const setupOf = async (subject: string, sandbox = false) => ({
    role: await getAssignedRole(handle.db, subject, { sandbox }),
    stores: await getStoreOverride(handle.db, subject, { sandbox }),
  });

  beforeAll(async () => {
    handle = await openTestDb(engine);
    vendor.handle = handle;
  });
  afterAll(async () => {
    await handle.dispose();
  });
  beforeEach(async () => {
    asked = 0;
    await handle.db.delete(roleAssignments);
    await handle.db.delete(staffStoreScopes);
    await handle.db.delete(staffMembers);
  });

  it('set up by e-mail, signs in with the short username: the role and stores are theirs, and one row is left', async () => {
    await setUp('user:maria.pop@chain.example', 'manager', ['L2']);
    const linked = await claimLinkedSetup(handle.db, { subject: 'user:maria.pop', username: 'maria.pop', sandbox: false }, footprints(USERS));
    expect(linked).toEqual({ roleFrom: 'user:maria.pop@chain.example', storesFrom: 'user:maria.pop@chain.example', aliases: ['user:maria.pop@chain.example'] });
    expect(await setupOf('user:maria.pop')).toEqual({ role: 'manager', stores: storesOf(['L2']) });
    expect(await setupOf('user:maria.pop@chain.example')).toEqual({ role: null, stores: null });
  });

  it('set up by short username, signs in with the e-mail (in another case): the same', async () => {
    await setUp('user:maria.pop', 'support', ['L3']);
    const linked = await claimLinkedSetup(handle.db, { subject: 'user:Maria.Pop@chain.example', username: 'Maria.Pop@chain.example', sandbox: false }, footprints(USERS));
    expect(linked?.roleFrom).toBe('user:maria.pop');
    expect(await setupOf('user:Maria.Pop@chain.example')).toEqual({ role: 'support', stores: storesOf(['L3']) });
    expect(await setupOf('user:maria.pop')).toEqual({ role: null, stores: null });
  });

  it('the newest setup wins per kind; the person’s own newer role stays, the older one under the other name goes', async () => {
    await setUp('user:maria.pop', 'support', null, 1);
    await setUp('user:maria.pop@chain.example', 'manager', ['L4'], 30);
    const linked = await claimLinkedSetup(handle.db, { subject: 'user:maria.pop', username: 'maria.pop', sandbox: false }, footprints(USERS));
    expect(linked).toEqual({ roleFrom: null, storesFrom: 'user:maria.pop@chain.example', aliases: ['user:maria.pop@chain.example'] });
    expect(await setupOf('user:maria.pop')).toEqual({ role: 'support', stores: storesOf(['L4']) });
    expect(await handle.db.select().from(roleAssignments)).toHaveLength(1);
  });

  it('nothing is taken when Footprints does not link the two, does not answer, or the other name has signed in itself', async () => {
    // An ambiguous short name (two business users share it).
    await setUp('user:dan@north.example', 'manager', ['L1']);
    expect(await claimLinkedSetup(handle.db, { subject: 'user:dan', username: 'dan', sandbox: false }, footprints(USERS))).toBeNull();
    // Footprints does not answer.
    await setUp('user:maria.pop@chain.example', 'manager', ['L2']);
    expect(await claimLinkedSetup(handle.db, { subject: 'user:maria.pop', username: 'maria.pop', sandbox: false }, footprints(null))).toBeNull();
    // The e-mail has signed in itself: it is a live identity of its own, with its own sessions.
    await handle.db.insert(staffMembers).values({ subject: 'user:maria.pop@chain.example', kind: 'staff', displayName: 'Maria', username: 'maria.pop@chain.example', lastSignInAt: new Date() });
    expect(await claimLinkedSetup(handle.db, { subject: 'user:maria.pop', username: 'maria.pop', sandbox: false }, footprints(USERS))).toBeNull();
    expect(await setupOf('user:maria.pop')).toEqual({ role: null, stores: null });
    expect(await setupOf('user:dan@north.example')).toEqual({ role: 'manager', stores: storesOf(['L1']) });
  });

  it('asks Footprints only when a setup under another name could be the person’s; a LIKE wildcard in a name matches itself only', async () => {
    await setUp('user:maria.pop@chain.example', 'manager', null);
    await setUp('user:a_b@chain.example', 'manager', null);
    expect(await claimLinkedSetup(handle.db, { subject: 'user:ion', username: 'ion', sandbox: false }, footprints(USERS))).toBeNull();
    expect(await claimLinkedSetup(handle.db, { subject: 'user:maria.pop@chain.example', username: 'maria.pop@chain.example', sandbox: false }, footprints(USERS))).toBeNull();
    expect(await claimLinkedSetup(handle.db, { subject: 'user:a%b', username: 'a%b', sandbox: false }, footprints(USERS))).toBeNull();
    expect(asked).toBe(0);
  });

  it('a setup the sandbox seeded counts only in sandbox mode', async () => {
    await setUp('user:maria.pop@chain.example', 'manager', null, 10, SANDBOX_SEED_MARK);
    expect(await claimLinkedSetup(handle.db, { subject: 'user:maria.pop', username: 'maria.pop', sandbox: false }, footprints(USERS))).toBeNull();
    expect(asked).toBe(0);
    expect((await claimLinkedSetup(handle.db, { subject: 'user:maria.pop', username: 'maria.pop', sandbox: true }, footprints(USERS)))?.roleFrom).toBe('user:maria.pop@chain.example');
    expect((await setupOf('user:maria.pop', true)).role).toBe('manager');
  });

  it('at sign-in: set up by e-mail, signed in with the short username, the session holds that role and those stores (audited)', async () => {
    const restore = setLogSink(() => {});
    try {
      vendor.users = USERS.map((u) => ({ _id: u.id, email: u.email ?? undefined, locations: u.locationIds.map((id) => ({ _id: id })) }));
      await setUp('user:maria.pop@chain.example', 'manager', ['L2']);
      const result = await signInStaff({ grant: 'password', username: 'maria.pop', password: 'not-checked-here' }, null);
      expect(result.ok).toBe(true);
      const [session] = await handle.db.select().from(staffSessions).where(eq(staffSessions.subject, 'user:maria.pop'));
      expect(session).toMatchObject({ roles: ['manager'], allStores: false, locationIds: ['L2'] });
      const audited = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.linkSetup'), eq(auditEvents.targetId, 'user:maria.pop')));
      expect(audited.map((a) => a.detail)).toEqual([{ roleFrom: 'user:maria.pop@chain.example', storesFrom: 'user:maria.pop@chain.example', folded: ['user:maria.pop@chain.example'] }]);
    } finally {
      setLogSink(restore);
    }
  });
});
