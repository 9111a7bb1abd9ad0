import 'server-only';
import { SANDBOX_ROLE_SEED } from '@/lib/auth/sandbox-roles';
import type { Db } from '@/lib/db';
import { roleAssignments, staffMembers } from '@/lib/db/schema';

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
