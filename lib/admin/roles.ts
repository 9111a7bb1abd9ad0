/**
 * Role assignments kept by the console (an admin edits them). A change takes effect at the member of
 * staff's next sign-in: roles are resolved once, when the session starts.
 */
import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ConflictError, ValidationError } from '@/lib/errors';
import { roleAssignments, staffMembers } from '@/lib/db/schema';
import { isRole, type Role } from '@/lib/auth/roles';
import type { AuditActor } from '@/lib/auth/action';
import { SANDBOX_ROLE_SEED } from '@/lib/auth/sandbox-roles';

export async function getAssignedRole(db: Db, subject: string): Promise<Role | null> {
  const [row] = await db.select().from(roleAssignments).where(eq(roleAssignments.subject, subject)).limit(1);
  return row && isRole(row.role) ? row.role : null;
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
  /**
   * A role the person holds whatever is assigned here: admin through the operator's ADMIN_USERNAMES, or
   * hostess through Footprints (a PIN sign-in's hostess_scope).
   */
  inherent: InherentRole | null;
  assignedBy: string | null;
  /** The name of who assigned the role ("the sandbox setup" for the demo seed); the id stays in assignedBy. */
  assignedByName: string | null;
  assignedAt: Date | null;
}

export type InherentRole = 'admin_config' | 'hostess_footprints';

export const INHERENT_ROLE_LABELS: Record<InherentRole, string> = {
  admin_config: 'Admin (set by configuration)',
  hostess_footprints: 'Hostess (from Footprints)',
};

/** Who set a role, by name: staff by their display name, the sandbox's demo seed by what it is. */
const SYSTEM_ASSIGNERS: Record<string, string> = { 'sandbox-seed': 'the sandbox setup' };

export async function listStaff(db: Db, opts: { adminUsernames: readonly string[] }): Promise<StaffRow[]> {
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
  const names = await staffNames(db, rows.map((r) => r.assignedBy).filter((s): s is string => !!s));
  return rows.map((r) => ({
    ...r,
    role: isRole(r.role) ? r.role : null,
    inherent: inherentRoleOf(r, opts.adminUsernames),
    assignedByName: r.assignedBy ? (SYSTEM_ASSIGNERS[r.assignedBy] ?? names.get(r.assignedBy) ?? r.assignedBy) : null,
  }));
}

export function inherentRoleOf(member: { kind: string; username: string | null }, adminUsernames: readonly string[]): InherentRole | null {
  if (member.kind === 'hostess') return 'hostess_footprints';
  if (member.username && adminUsernames.includes(member.username)) return 'admin_config';
  return null;
}

/** Display names of staff subjects (ids the audit trail and the queue store), for showing people by name. */
export async function staffNames(db: Db, subjects: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(subjects)].filter(Boolean);
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ subject: staffMembers.subject, displayName: staffMembers.displayName })
    .from(staffMembers)
    .where(inArray(staffMembers.subject, unique));
  return new Map(rows.map((r) => [r.subject, r.displayName]));
}

/** Removing one's own admin role: the action answers with a question, the page asks, and sends it again confirmed. */
export class ConfirmationNeededError extends ConflictError {
  readonly needsConfirmation = true;
}

export const LAST_ADMIN_MESSAGE =
  'This is the last admin: removing the role would leave nobody able to assign roles. Give another person the admin role first.';
export const CONFIRM_OWN_ADMIN_MESSAGE =
  'You are removing your own admin role: you will lose access to roles, the audit trail and the sync queue at your next sign-in. Confirm to go on.';

/**
 * Sets (or, with null, removes) the console role of a member of staff. Refuses to remove the last admin
 * (configuration admins count), and removing one's own admin role needs `confirmOwnAdminRemoval`. The admin
 * rows are locked for the check, so two admins removing each other at once cannot both succeed.
 */
export async function assignRole(
  db: Db,
  actor: AuditActor,
  subject: string,
  role: Role | null,
  opts: { adminUsernames: readonly string[]; confirmOwnAdminRemoval?: boolean } = { adminUsernames: [] },
): Promise<void> {
  const [member] = await db.select().from(staffMembers).where(eq(staffMembers.subject, subject)).limit(1);
  if (!member) throw new ValidationError('This person is not in the staff list any more; reload the page.');
  const outcome = await db.transaction(async (tx) => {
    const admins = await tx.select({ subject: roleAssignments.subject }).from(roleAssignments).where(eq(roleAssignments.role, 'admin')).for('update');
    const before = await getAssignedRole(tx as unknown as Db, subject);
    const losesAdmin = before === 'admin' && role !== 'admin' && inherentRoleOf(member, opts.adminUsernames) !== 'admin_config';
    if (losesAdmin) {
      const others = admins.filter((a) => a.subject !== subject).length + opts.adminUsernames.length;
      if (others === 0) return { kind: 'last_admin' as const, before };
      if (subject === actor.id && !opts.confirmOwnAdminRemoval) return { kind: 'confirm' as const, before };
    }
    if (role === null) {
      await tx.delete(roleAssignments).where(eq(roleAssignments.subject, subject));
    } else {
      const now = new Date();
      await tx
        .insert(roleAssignments)
        .values({ subject, role, assignedBy: actor.id, assignedAt: now })
        .onConflictDoUpdate({ target: roleAssignments.subject, set: { role, assignedBy: actor.id, assignedAt: now } });
    }
    return { kind: 'done' as const, before };
  });
  if (outcome.kind === 'last_admin') {
    await recordAudit(db, { actor, action: 'admin.assignRole', target: { type: 'staff', id: subject }, outcome: 'refused', detail: { from: outcome.before, to: role, reason: 'last admin' } });
    throw new ConflictError(LAST_ADMIN_MESSAGE);
  }
  if (outcome.kind === 'confirm') throw new ConfirmationNeededError(CONFIRM_OWN_ADMIN_MESSAGE);
  await recordAudit(db, {
    actor,
    action: 'admin.assignRole',
    target: { type: 'staff', id: subject },
    outcome: 'success',
    detail: { from: outcome.before, to: role },
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
        .values({ subject: seed.subject, role: seed.role, assignedBy: 'sandbox-seed', assignedAt: new Date() })
        .onConflictDoNothing();
    }
  }
}
