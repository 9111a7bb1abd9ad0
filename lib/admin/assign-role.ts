/**
 * Role assignments kept by the console (an admin edits them). A change takes effect at the member of
 * staff's next sign-in: roles are resolved once, when the session starts (lib/auth reads them).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { AuditActor } from '@/lib/auth/action';
import type { Role } from '@/lib/auth/roles';
import { getAssignedRole } from '@/lib/auth/staff-directory';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { roleAssignments, staffMembers } from '@/lib/db/schema';

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
