import 'server-only';
import { SANDBOX_ROLE_SEED, SANDBOX_SEED_MARK } from '@/lib/auth/sandbox-roles';
import type { Db } from '@/lib/db';
import { roleAssignments, staffMembers } from '@/lib/db/schema';

/** Sandbox start: the demo logins' assignments (marked SANDBOX_SEED_MARK), unless an admin has already changed them. */
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
