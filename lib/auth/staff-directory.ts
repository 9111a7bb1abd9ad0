/**
 * What sign-in reads and writes about a member of staff: the role an admin assigned (roles are resolved
 * once, when a session starts) and the directory row admins see. Auth owns these lookups; lib/admin only
 * writes assignments (lib/admin/assign-role.ts).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { roleAssignments, staffMembers, staffStoreScopes } from '@/lib/db/schema';
import { isRole, type Role } from './roles';
import { SANDBOX_SEED_MARK } from './sandbox-roles';
import { scopeFromRow, type StoreScope } from './stores';

/**
 * The console role assigned to a member of staff. Assignments the sandbox seeded carry SANDBOX_SEED_MARK
 * and count only in sandbox mode: a database that once ran the demo grants nobody anything in production.
 */
export async function getAssignedRole(db: Db, subject: string, opts: { sandbox: boolean } = { sandbox: false }): Promise<Role | null> {
  const [row] = await db.select().from(roleAssignments).where(eq(roleAssignments.subject, subject)).limit(1);
  if (!row || !isRole(row.role)) return null;
  if (row.assignedBy === SANDBOX_SEED_MARK && !opts.sandbox) return null;
  return row.role;
}

export async function recordStaffSignIn(
  db: Db,
  member: { subject: string; kind: 'hostess' | 'staff'; displayName: string; username: string | null },
): Promise<void> {
  const now = new Date();
  await db
    .insert(staffMembers)
    .values({ ...member, lastSignInAt: now })
    .onConflictDoUpdate({ target: staffMembers.subject, set: { displayName: member.displayName, lastSignInAt: now } });
}

/** An admin's store scope for a member of staff (it wins over Footprints), or null. Sandbox seeds count only in sandbox mode. */
export async function getStoreOverride(db: Db, subject: string, opts: { sandbox: boolean } = { sandbox: false }): Promise<StoreScope | null> {
  const [row] = await db.select().from(staffStoreScopes).where(eq(staffStoreScopes.subject, subject)).limit(1);
  if (!row) return null;
  if (row.assignedBy === SANDBOX_SEED_MARK && !opts.sandbox) return null;
  return scopeFromRow(row);
}
