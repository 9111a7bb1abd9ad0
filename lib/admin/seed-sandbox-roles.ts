import 'server-only';
import { SANDBOX_ROLE_SEED, SANDBOX_SEED_MARK, SANDBOX_STORE_SEED } from '@/lib/auth/sandbox-roles';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { consoleSettings } from '@/lib/auth/schema';
import { roleAssignments, staffMembers, staffStoreScopes } from '@/lib/db/schema';

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
  // Once ever, like the roles: a scope an admin changed (or removed) is not put back at the next start.
  const [seeded] = await db.select({ key: consoleSettings.key }).from(consoleSettings).where(eq(consoleSettings.key, STORE_SEED_KEY)).limit(1);
  if (seeded) return;
  await db
    .insert(staffStoreScopes)
    .values(SANDBOX_STORE_SEED.map((s) => ({ subject: s.subject, allStores: s.allStores, locationIds: [], assignedBy: SANDBOX_SEED_MARK, assignedAt: new Date() })))
    .onConflictDoNothing();
  await db.insert(consoleSettings).values({ key: STORE_SEED_KEY, value: 'yes' }).onConflictDoNothing();
}

const STORE_SEED_KEY = 'sandbox_store_seed';
