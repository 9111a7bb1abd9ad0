/**
 * Staff administration (issue 12): people set up by username before their first sign-in, Footprints'
 * business users in the list, store choices, and a change to what a person holds ending their sessions
 * at once (audited with before and after). PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit';
import { createSession, touchSession } from '@/lib/auth/session-store';
import { getStoreOverride } from '@/lib/auth/staff-directory';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { roleAssignments, staffMembers, staffSessions, staffStoreScopes } from '@/lib/db/schema';
import { BAD_USERNAME_MESSAGE, UNKNOWN_PERSON_MESSAGE, assignRole } from './assign-role';
import { NO_STORE_CHOSEN_MESSAGE, assignStores } from './assign-stores';
import { listStaffDirectory } from './queries';
import { rejection } from '@/lib/testing/rejection';

const admin = { id: 'user:admin', name: 'Adina Admin', role: 'admin' };
let handle: TestDb;
const SECRET = 'staff-test-secret-0123456789abcdef';
const LIMITS = { maxAgeMs: 3_600_000, hostessIdleMs: 3_600_000, staffIdleMs: 3_600_000 };
const opts = { adminUsernames: ['ops'], sandbox: false };

async function sessionOf(subject: string, username: string | null, roles: ('manager' | 'admin' | 'hostess')[] = ['manager']): Promise<string> {
  return createSession(handle.db, SECRET, {
    subject,
    kind: subject.startsWith('hostess:') ? 'hostess' : 'staff',
    displayName: subject,
    username,
    roles,
    stores: { all: false, locationIds: ['L1'] },
    device: null,
    accessToken: `tok-${subject}`,
    tokenExpiresAt: null,
  });
}
const live = async (id: string) => 'session' in (await touchSession(handle.db, SECRET, id, LIMITS));

describe.each(testEngines)('staff administration on %s', (engine) => {
beforeAll(async () => {
  handle = await openTestDb(engine);
});
afterAll(async () => {
  await handle.dispose();
});
beforeEach(async () => {
  const { db } = handle;
  await db.delete(staffSessions);
  await db.delete(staffStoreScopes);
  await db.delete(roleAssignments);
  await db.delete(staffMembers);
  await db.insert(staffMembers).values([
    { subject: 'user:admin', kind: 'staff', displayName: 'Adina Admin', username: 'admin', lastSignInAt: new Date() },
    { subject: 'user:mara', kind: 'staff', displayName: 'Mara Manager', username: 'mara', lastSignInAt: new Date() },
    { subject: 'user:ops', kind: 'staff', displayName: 'Oana Ops', username: 'ops', lastSignInAt: new Date() },
  ]);
  await db.insert(roleAssignments).values([
    { subject: 'user:admin', role: 'admin', assignedBy: 'user:admin', assignedAt: new Date() },
    { subject: 'user:mara', role: 'manager', assignedBy: 'user:admin', assignedAt: new Date() },
  ]);
});

describe('a change to a role', () => {
  it('ends the person’s open sessions at once, audited with before and after; others keep theirs', async () => {
    const { db } = handle;
    const mara = await sessionOf('user:mara', 'mara');
    const mine = await sessionOf('user:admin', 'admin', ['admin']);
    expect(await assignRole(db, admin, 'user:mara', null, opts)).toEqual({ sessionsEnded: 1 });
    expect(await touchSession(db, SECRET, mara, LIMITS)).toEqual({ ended: 'access_changed' });
    expect(await live(mine)).toBe(true);
    const audit = await listAudit(db, { action: 'admin.assignRole', limit: 5, offset: 0 });
    expect(audit.rows[0]).toMatchObject({ targetId: 'user:mara', outcome: 'success', detail: { from: 'manager', to: null, sessionsEnded: 1 } });
  });

  it('leaves the sessions alone when what the person holds does not change (a configuration admin)', async () => {
    const { db } = handle;
    await db.insert(roleAssignments).values({ subject: 'user:ops', role: 'admin', assignedBy: 'user:admin', assignedAt: new Date() });
    const ops = await sessionOf('user:ops', 'ops', ['admin']);
    expect(await assignRole(db, admin, 'user:ops', null, opts)).toEqual({ sessionsEnded: 0 });
    expect(await live(ops)).toBe(true);
  });

  it('sets up a person by username before their first sign-in; an unknown person without that is refused', async () => {
    const { db } = handle;
    expect((await rejection(assignRole(db, admin, 'user:newbie', 'manager', opts))).message).toBe(UNKNOWN_PERSON_MESSAGE);
    expect((await rejection(assignRole(db, admin, 'user:bad name', 'manager', { ...opts, newPerson: true }))).message).toBe(BAD_USERNAME_MESSAGE);
    expect((await rejection(assignRole(db, admin, 'hostess:abc', 'manager', { ...opts, newPerson: true }))).message).toBe(BAD_USERNAME_MESSAGE);
    await assignRole(db, admin, 'user:newbie', 'manager', { ...opts, newPerson: true });
    await assignStores(db, admin, 'user:newbie', { all: false, locationIds: ['L2'] }, { ...opts, newPerson: true });
    const rows = await listStaffDirectory(db, { ...opts, businessUsers: null });
    expect(rows.find((r) => r.subject === 'user:newbie')).toMatchObject({ role: 'manager', lastSignInAt: null, username: 'newbie', storeOverride: { all: false, locationIds: ['L2'] } });
  });
});

describe('a change to the stores', () => {
  it('keeps the admin’s choice (it wins over Footprints), ends the person’s sessions, and audits before and after', async () => {
    const { db } = handle;
    const mara = await sessionOf('user:mara', 'mara');
    expect(await assignStores(db, admin, 'user:mara', { all: false, locationIds: ['L2', 'L1', 'L2'] }, opts)).toEqual({ sessionsEnded: 1 });
    expect(await getStoreOverride(db, 'user:mara')).toEqual({ all: false, locationIds: ['L1', 'L2'] });
    expect(await touchSession(db, SECRET, mara, LIMITS)).toEqual({ ended: 'access_changed' });
    // The same choice again changes nothing: nobody is signed out for it.
    const again = await sessionOf('user:mara', 'mara');
    expect(await assignStores(db, admin, 'user:mara', { all: false, locationIds: ['L1', 'L2'] }, opts)).toEqual({ sessionsEnded: 0 });
    expect(await live(again)).toBe(true);
    await assignStores(db, admin, 'user:mara', null, opts);
    expect(await getStoreOverride(db, 'user:mara')).toBeNull();
    const audit = await listAudit(db, { action: 'admin.assignStores', limit: 5, offset: 0 });
    expect(audit.rows[0]).toMatchObject({ targetId: 'user:mara', detail: { from: ['L1', 'L2'], to: 'footprints', sessionsEnded: 1 } });
    expect(audit.rows[2]).toMatchObject({ detail: { from: 'footprints', to: ['L1', 'L2'] } });
  });

  it('refuses an empty choice of stores, and leaves an admin’s sessions (always all stores) alone', async () => {
    const { db } = handle;
    expect((await rejection(assignStores(db, admin, 'user:mara', { all: false, locationIds: [] }, opts))).message).toBe(NO_STORE_CHOSEN_MESSAGE);
    const mine = await sessionOf('user:admin', 'admin', ['admin']);
    expect(await assignStores(db, admin, 'user:admin', { all: false, locationIds: ['L1'] }, opts)).toEqual({ sessionsEnded: 0 });
    expect(await live(mine)).toBe(true);
  });
});

describe('the staff list', () => {
  const users = [
    { id: 'bu1', email: 'mara@chain.example', name: 'Mara Manager', locationIds: ['L1'] },
    { id: 'bu2', email: 'Radu.Regional@chain.example', name: 'Radu Regional', locationIds: ['L1', 'L2'] },
  ];
  it('holds who signed in, who was set up, and Footprints’ business users (matched to a person or on their own), searchable', async () => {
    const { db } = handle;
    await assignRole(db, admin, 'user:later', 'support', { ...opts, newPerson: true });
    const rows = await listStaffDirectory(db, { ...opts, businessUsers: users });
    expect(rows.map((r) => r.subject)).toEqual(['user:admin', 'user:mara', 'user:ops', 'user:radu.regional@chain.example', 'user:later'].sort((a, b) => {
      const name = (s: string) => rows.find((r) => r.subject === s)!.displayName;
      return name(a).localeCompare(name(b));
    }));
    expect(rows.find((r) => r.subject === 'user:mara')).toMatchObject({ source: 'console', footprintsStores: ['L1'], email: 'mara@chain.example' });
    expect(rows.find((r) => r.subject === 'user:radu.regional@chain.example')).toMatchObject({ source: 'footprints', displayName: 'Radu Regional', footprintsStores: ['L1', 'L2'], role: null });
    expect(rows.find((r) => r.subject === 'user:ops')).toMatchObject({ inherent: 'admin_config' });
    expect(rows.find((r) => r.subject === 'user:later')).toMatchObject({ role: 'support', lastSignInAt: null });
    expect((await listStaffDirectory(db, { ...opts, businessUsers: users, query: 'RADU' })).map((r) => r.subject)).toEqual(['user:radu.regional@chain.example']);
    expect((await listStaffDirectory(db, { ...opts, businessUsers: users, query: 'chain.example' })).map((r) => r.subject)).toEqual(['user:mara', 'user:radu.regional@chain.example']);
  });
});
});
