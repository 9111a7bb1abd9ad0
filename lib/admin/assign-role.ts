/**
 * Role assignments kept by the console (an admin edits them). A change takes effect at the member of
 * staff's next sign-in: roles are resolved once, when the session starts (lib/auth reads them).
 */
import { SANDBOX_SEED_MARK } from '@/lib/auth/sandbox-roles';
import 'server-only';
import { eq } from 'drizzle-orm';
import type { AuditActor } from '@/lib/auth/action';
import type { Role } from '@/lib/auth/roles';
import { getAssignedRole } from '@/lib/auth/staff-directory';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { roleAssignments, staffMembers } from '@/lib/db/schema';
import { ConflictError, ValidationError } from '@/lib/errors';
import { inherentRoleOf } from './queries';

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
  opts: { adminUsernames: readonly string[]; sandbox: boolean; confirmOwnAdminRemoval?: boolean },
): Promise<void> {
  const [member] = await db.select().from(staffMembers).where(eq(staffMembers.subject, subject)).limit(1);
  if (!member) throw new ValidationError('This person is not in the staff list any more; reload the page.');
  const outcome = await db.transaction(async (tx) => {
    const adminRows = await tx
      .select({ subject: roleAssignments.subject, assignedBy: roleAssignments.assignedBy })
      .from(roleAssignments)
      .where(eq(roleAssignments.role, 'admin'))
      .for('update');
    // Sandbox-seeded admins count only in sandbox mode, as they do at sign-in (lib/auth/staff-directory.ts).
    const admins = adminRows.filter((a) => opts.sandbox || a.assignedBy !== SANDBOX_SEED_MARK);
    const before = await getAssignedRole(tx as unknown as Db, subject, { sandbox: opts.sandbox });
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
    await recordAudit(db, {
      actor,
      action: 'admin.assignRole',
      target: { type: 'staff', id: subject },
      outcome: 'refused',
      detail: { from: outcome.before, to: role, reason: 'last admin' },
    });
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
