/**
 * Role assignments kept by the console (an admin edits them on /admin/staff). Roles are resolved when a
 * session starts, so a change that alters what the person holds ends their open sessions at once (issue 12):
 * a removed role stops working at their next click, not at their next sign-in.
 */
import { SANDBOX_SEED_MARK } from '@/lib/auth/sandbox-roles';
import 'server-only';
import { eq } from 'drizzle-orm';
import type { AuditActor } from '@/lib/auth/action';
import type { Role } from '@/lib/auth/roles';
import { resolveRoles } from '@/lib/auth/roles';
import { endSessionsOf } from '@/lib/auth/session-store';
import { getAssignedRole } from '@/lib/auth/staff-directory';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { roleAssignments, staffMembers } from '@/lib/db/schema';
import { ConflictError, ValidationError } from '@/lib/errors';
import { inherentRoleOf } from './queries';
import { refusal, serverTranslator } from '@/lib/i18n/server-words';

/** Removing one's own admin role: the action answers with a question, the page asks, and sends it again confirmed. */
export class ConfirmationNeededError extends ConflictError {
  readonly needsConfirmation = true;
}

export const LAST_ADMIN_MESSAGE = serverTranslator('en')('admin.errors.lastAdmin');
export const CONFIRM_OWN_ADMIN_MESSAGE = serverTranslator('en')('admin.errors.confirmOwnAdmin');
export const BAD_USERNAME_MESSAGE = serverTranslator('en')('admin.errors.badUsername');
export const UNKNOWN_PERSON_MESSAGE = serverTranslator('en')('admin.errors.unknownPerson');

/** A username an admin may set up before its first sign-in: what the person types at the login page. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@+-]{1,200}$/;

/**
 * The staff row of a subject, or — for a person set up before their first sign-in (`newPerson`, 'user:'
 * subjects only) — what it will be. Anyone else unknown is refused: the page only offers people it listed.
 */
export async function staffMemberFor(db: Db, subject: string, newPerson: boolean): Promise<{ kind: string; username: string | null }> {
  const [member] = await db.select().from(staffMembers).where(eq(staffMembers.subject, subject)).limit(1);
  if (member) return member;
  const username = subject.startsWith('user:') ? subject.slice('user:'.length) : '';
  if (newPerson && USERNAME_PATTERN.test(username)) return { kind: 'staff', username };
  if (newPerson) throw refusal((m) => new ValidationError(m), (t) => t('admin.errors.badUsername'));
  throw refusal((m) => new ValidationError(m), (t) => t('admin.errors.unknownPerson'));
}

/** The roles a person holds with this assignment (Footprints' hostess scope and ADMIN_USERNAMES count too). */
export function effectiveRoles(member: { kind: string; username: string | null }, assigned: Role | null, adminUsernames: readonly string[]): Role[] {
  return resolveRoles({ scopes: member.kind === 'hostess' ? ['hostess_scope'] : [], assigned, username: member.username, adminUsernames });
}

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
  opts: { adminUsernames: readonly string[]; sandbox: boolean; confirmOwnAdminRemoval?: boolean; newPerson?: boolean },
): Promise<{ sessionsEnded: number }> {
  const member = await staffMemberFor(db, subject, opts.newPerson ?? false);
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
    throw refusal((m) => new ConflictError(m), (t) => t('admin.errors.lastAdmin'));
  }
  if (outcome.kind === 'confirm') throw refusal((m) => new ConfirmationNeededError(m), (t) => t('admin.errors.confirmOwnAdmin'));
  // What the person holds changed (not only the console's record of it, as for a configuration admin):
  // their open sessions end now, and the next sign-in resolves the new roles.
  const before = effectiveRoles(member, outcome.before, opts.adminUsernames);
  const after = effectiveRoles(member, role, opts.adminUsernames);
  const sessionsEnded = before.join(',') === after.join(',') ? 0 : await endSessionsOf(db, subject, 'access_changed');
  await recordAudit(db, {
    actor,
    action: 'admin.assignRole',
    target: { type: 'staff', id: subject },
    outcome: 'success',
    detail: { from: outcome.before, to: role, sessionsEnded },
  });
  return { sessionsEnded };
}
