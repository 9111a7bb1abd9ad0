/**
 * Role assignments kept by the console (an admin edits them). A change takes effect at the member of
 * staff's next sign-in: roles are resolved once, when the session starts.
 */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { roleAssignments, staffMembers } from '@/lib/db/schema';
import { isRole, type Role } from '@/lib/auth/roles';
import type { AuditActor } from '@/lib/auth/action';
import { SANDBOX_ROLE_SEED, SANDBOX_SEED_MARK } from '@/lib/auth/sandbox-roles';

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

export interface StaffRow {
  subject: string;
  kind: string;
  displayName: string;
  username: string | null;
  lastSignInAt: Date | null;
  role: Role | null;
  assignedBy: string | null;
  assignedAt: Date | null;
}

export async function listStaff(db: Db): Promise<StaffRow[]> {
  const rows = await db
    .select({
      subject: staffMembers.subject,
      kind: staffMembers.kind,
      displayName: staffMembers.displayName,
      username: staffMembers.username,
      lastSignInAt: staffMembers.lastSignInAt,
      role: roleAssignments.role,
      assignedBy: roleAssignments.assignedBy,
      assignedAt: roleAssignments.assignedAt,
    })
    .from(staffMembers)
    .leftJoin(roleAssignments, eq(roleAssignments.subject, staffMembers.subject))
    .orderBy(asc(staffMembers.displayName));
  return rows.map((r) => ({ ...r, role: isRole(r.role) ? r.role : null }));
}

/** Sets (or, with null, removes) the console role of a member of staff. */
export async function assignRole(db: Db, actor: AuditActor, subject: string, role: Role | null): Promise<void> {
  const [member] = await db.select().from(staffMembers).where(eq(staffMembers.subject, subject)).limit(1);
  if (!member) throw new Error(`unknown staff member ${subject}`);
  const before = await getAssignedRole(db, subject);
  if (role === null) {
    await db.delete(roleAssignments).where(eq(roleAssignments.subject, subject));
  } else {
    const now = new Date();
    await db
      .insert(roleAssignments)
      .values({ subject, role, assignedBy: actor.id, assignedAt: now })
      .onConflictDoUpdate({ target: roleAssignments.subject, set: { role, assignedBy: actor.id, assignedAt: now } });
  }
  await recordAudit(db, {
    actor,
    action: 'admin.assignRole',
    target: { type: 'staff', id: subject },
    outcome: 'success',
    detail: { from: before, to: role },
  });
}

/** Sandbox start: the demo logins' assignments, unless an admin has already changed them. */
export async function seedSandboxRoles(db: Db): Promise<void> {
  for (const seed of SANDBOX_ROLE_SEED) {
    const inserted = await db
      .insert(staffMembers)
      .values({ subject: seed.subject, kind: 'staff', displayName: seed.displayName, username: seed.username, lastSignInAt: null })
      .onConflictDoNothing()
      .returning({ subject: staffMembers.subject });
    if (inserted.length) {
      await db
        .insert(roleAssignments)
        .values({ subject: seed.subject, role: seed.role, assignedBy: SANDBOX_SEED_MARK, assignedAt: new Date() })
        .onConflictDoNothing();
    }
  }
}
