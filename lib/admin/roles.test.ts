/**
 * The roles page's rules: inherent roles shown for what they are, people by name, the last admin kept,
 * one's own admin role removed only when confirmed. And the queue says which lead, capture or code a job is for.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit';
import { captureSubmissions } from '@/lib/capture/schema';
import { createDb, type DbHandle } from '@/lib/db';
import { roleAssignments, staffMembers } from '@/lib/db/schema';
import { ConflictError, messageIn } from '@/lib/errors';
import { leadRecords } from '@/lib/leads/schema';
import { enqueue } from '@/lib/outbox';
import { CONFIRM_OWN_ADMIN_MESSAGE, ConfirmationNeededError, LAST_ADMIN_MESSAGE, assignRole } from './assign-role';
import { listQueue, listStaff } from './queries';
import { rejection } from '@/lib/testing/rejection';
import { toActionError } from '@/lib/auth/action';

let handle: DbHandle;
const admin = { id: 'user:admin', name: 'Adina Admin', role: 'admin' };
const other = { id: 'user:boss', name: 'Bogdan Boss', role: 'admin' };

beforeAll(async () => {
  handle = await createDb({ memory: true });
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  const { db } = handle;
  await db.delete(roleAssignments);
  await db.delete(staffMembers);
  await db.insert(staffMembers).values([
    { subject: 'user:admin', kind: 'staff', displayName: 'Adina Admin', username: 'admin', lastSignInAt: new Date() },
    { subject: 'user:boss', kind: 'staff', displayName: 'Bogdan Boss', username: 'boss', lastSignInAt: new Date() },
    { subject: 'user:ops', kind: 'staff', displayName: 'Oana Ops', username: 'ops', lastSignInAt: new Date() },
    { subject: 'hostess:5b30cb85e1267446c5784b75', kind: 'hostess', displayName: 'Ioana Hostess', username: null, lastSignInAt: new Date() },
  ]);
  await db.insert(roleAssignments).values({ subject: 'user:admin', role: 'admin', assignedBy: 'sandbox-seed', assignedAt: new Date() });
});

describe('the roles page', () => {
  it('shows configuration admins and PIN hostesses for what they are, and who set a role by name', async () => {
    const { db } = handle;
    await assignRole(db, admin, 'hostess:5b30cb85e1267446c5784b75', 'manager', { adminUsernames: ['ops'], sandbox: true });
    const rows = await listStaff(db, { adminUsernames: ['ops'] });
    const by = (subject: string) => rows.find((r) => r.subject === subject)!;
    expect(by('user:ops')).toMatchObject({ role: null, inherent: 'admin_config' });
    expect(by('hostess:5b30cb85e1267446c5784b75')).toMatchObject({ role: 'manager', inherent: 'hostess_footprints', assignedBy: 'user:admin', assignedByName: 'Adina Admin' });
    expect(by('user:admin')).toMatchObject({ role: 'admin', inherent: null, assignedByName: 'the sandbox setup' });
    expect(by('user:boss').inherent).toBeNull();
  });

  it('refuses to remove the last admin (audited), and allows it when another admin remains', async () => {
    const { db } = handle;
    const error = await rejection(assignRole(db, other, 'user:admin', 'manager', { adminUsernames: [], sandbox: true }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(LAST_ADMIN_MESSAGE);
    // The admin reads it in their language at the action door (issue 16).
    expect(toActionError(error, 'admin.assignRole', 'ro')).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(/^Acesta este ultimul administrator/) } });
    expect(toActionError(error, 'admin.assignRole', 'en')).toMatchObject({ error: { message: LAST_ADMIN_MESSAGE } });
    expect((await listStaff(db, { adminUsernames: [] })).find((r) => r.subject === 'user:admin')?.role).toBe('admin');
    const refused = await listAudit(db, { action: 'admin.assignRole', outcome: 'refused', limit: 10, offset: 0 });
    expect(refused.rows[0]).toMatchObject({ targetId: 'user:admin', outcome: 'refused' });

    // A configuration admin counts: then the assigned one can go.
    await assignRole(db, other, 'user:admin', 'manager', { adminUsernames: ['ops'], sandbox: true });
    expect((await listStaff(db, { adminUsernames: ['ops'] })).find((r) => r.subject === 'user:admin')?.role).toBe('manager');
  });

  it('removing one’s own admin role needs a confirmation; confirmed, it goes through', async () => {
    const { db } = handle;
    await assignRole(db, admin, 'user:boss', 'admin', { adminUsernames: [], sandbox: true });
    const ask = await rejection(assignRole(db, admin, 'user:admin', null, { adminUsernames: [], sandbox: true }));
    expect(ask).toBeInstanceOf(ConfirmationNeededError);
    expect(ask.message).toBe(CONFIRM_OWN_ADMIN_MESSAGE);
    expect(messageIn(ask, 'ro')).toMatch(/^Îți elimini propriul rol de administrator/);
    expect((await listStaff(db, { adminUsernames: [] })).find((r) => r.subject === 'user:admin')?.role).toBe('admin');
    await assignRole(db, admin, 'user:admin', null, { adminUsernames: [], sandbox: true, confirmOwnAdminRemoval: true });
    expect((await listStaff(db, { adminUsernames: [] })).find((r) => r.subject === 'user:admin')?.role).toBeNull();
    // And the one admin left cannot remove themselves, confirmed or not.
    const last = await rejection(assignRole(db, other, 'user:boss', null, { adminUsernames: [], sandbox: true, confirmOwnAdminRemoval: true }));
    expect(last.message).toBe(LAST_ADMIN_MESSAGE);
  });

  it('with sandbox mode off, a sandbox-seeded admin is nobody: it neither counts as another admin nor is protected', async () => {
    const { db } = handle;
    await assignRole(db, admin, 'user:boss', 'admin', { adminUsernames: [], sandbox: true });
    // user:admin holds only the seeded assignment, so boss is the last real admin.
    const last = await rejection(assignRole(db, other, 'user:boss', null, { adminUsernames: [], sandbox: false, confirmOwnAdminRemoval: true }));
    expect(last.message).toBe(LAST_ADMIN_MESSAGE);
    // And the seeded row itself is not an admin role to keep.
    await assignRole(db, other, 'user:admin', 'manager', { adminUsernames: [], sandbox: false });
    expect((await listStaff(db, { adminUsernames: [] })).find((r) => r.subject === 'user:admin')?.role).toBe('manager');
  });
});

describe('the sync queue', () => {
  it('says which lead, capture or loyalty code a job is for, and who started it, by name', async () => {
    const { db } = handle;
    await db.insert(leadRecords).values({ id: 'lead-q-1', status: 'lead', firstName: 'Ana', lastName: 'Popescu', vendorCreatedAt: new Date(), syncedAt: new Date() });
    await db.insert(captureSubmissions).values({
      idempotencyKey: 'key-q-2',
      hostessSubject: 'hostess:5b30cb85e1267446c5784b75',
      hostessName: 'Ioana Hostess',
      displayName: 'Mihai I.',
      payload: {},
      consent: {} as never,
      consentWordingVersion: 'v1',
      capturedAt: new Date(),
    } as typeof captureSubmissions.$inferInsert);
    const subject = 'hostess:5b30cb85e1267446c5784b75';
    await enqueue(db, { kind: 'test.lead', idempotencyKey: 'q-1', payload: {}, correlation: 'lead:lead-q-1', subject });
    await enqueue(db, { kind: 'test.capture', idempotencyKey: 'q-2', payload: {}, correlation: 'capture:key-q-2', subject });
    await enqueue(db, { kind: 'test.loyalty', idempotencyKey: 'q-3', payload: {}, correlation: 'loyalty:sdspring01a:SPRANA01', subject: 'user:nobody' });
    const view = await listQueue(db, { page: 1 });
    const of = (kind: string) => view.rows.find((r) => r.kind === kind)!;
    expect(of('test.lead')).toMatchObject({ forLabel: 'Lead Ana Popescu', forHref: '/leads/lead-q-1', requestedBy: 'Ioana Hostess' });
    expect(of('test.capture')).toMatchObject({ forLabel: 'Capture of Mihai I.', forHref: null, requestedBy: 'Ioana Hostess' });
    expect(of('test.loyalty')).toMatchObject({ forLabel: 'Loyalty code SPRANA01', requestedBy: null });
  });
});
