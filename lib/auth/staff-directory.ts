/**
 * What sign-in reads and writes about a member of staff: the role an admin assigned (roles are resolved
 * once, when a session starts) and the directory row admins see. Auth owns these lookups; lib/admin only
 * writes assignments (lib/admin/assign-role.ts).
 */
import 'server-only';
import { and, eq, inArray, like, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { roleAssignments, staffMembers, staffStoreScopes } from '@/lib/db/schema';
import { isRole, type Role } from './roles';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { SANDBOX_SEED_MARK } from './sandbox-roles';
import { linkedUsernames, scopeFromRow, type StoreScope, type VendorStaffEntry } from './stores';

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

/** What a sign-in took over from a setup an admin made under the person's other username. */
export interface LinkedSetup {
  /** The subject whose role assignment now counts for this person ('user:<other username>'), or null. */
  roleFrom: string | null;
  storesFrom: string | null;
  /** Every setup row of the other usernames that was folded into this person's (the older ones are dropped). */
  aliases: string[];
}

const likePattern = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * An admin may set a person up under the e-mail Footprints lists for them, and the person sign in with the
 * short username (its local part), or the reverse (lib/auth/stores.ts linkedUsernames). At a password
 * sign-in, the setups kept under the person's other username — only while nobody has signed in with it, so
 * no open session holds it — are folded into the signing subject: per kind (role, stores) the newest setup
 * wins, it is kept under the signing subject, and the other usernames' rows are removed, so the staff page
 * shows one person and a later change ends the sessions the person really has. Footprints' business users
 * are asked only when such a setup exists; when it does not answer, nothing is folded (the person signs in
 * with what is kept under the name they typed, and may sign in again later).
 */
export async function claimLinkedSetup(
  db: Db,
  who: { subject: string; username: string; sandbox: boolean },
  businessUsers: () => Promise<readonly VendorStaffEntry[] | null>,
): Promise<LinkedSetup | null> {
  const typed = who.username.trim().toLowerCase();
  const local = typed.split('@')[0];
  if (!local) return null;
  const candidates = async (table: typeof roleAssignments | typeof staffStoreScopes) => {
    const name = sql<string>`lower(${table.subject})`;
    const rows = await db
      .select({ subject: table.subject, assignedBy: table.assignedBy })
      .from(table)
      .where(
        and(
          sql`${table.subject} <> ${who.subject}`,
          typed.includes('@') ? or(eq(name, `user:${typed}`), eq(name, `user:${local}`)) : or(eq(name, `user:${typed}`), like(name, `user:${likePattern(typed)}@%`)),
          notExists(db.select({ one: sql`1` }).from(staffMembers).where(eq(staffMembers.subject, table.subject))),
        ),
      );
    return rows.filter((r) => who.sandbox || r.assignedBy !== SANDBOX_SEED_MARK).map((r) => r.subject);
  };
  const pending = [...new Set([...(await candidates(roleAssignments)), ...(await candidates(staffStoreScopes))])];
  if (pending.length === 0) return null;
  const users = await businessUsers();
  const linked = new Set(users ? linkedUsernames(users, who.username) : []);
  const aliases = pending.filter((s) => linked.has(s.slice('user:'.length).toLowerCase())).sort();
  if (aliases.length === 0) return null;

  return db.transaction(async (tx) => {
    const everyone = [who.subject, ...aliases];
    const roles = await tx.select().from(roleAssignments).where(inArray(roleAssignments.subject, everyone)).for('update');
    const scopes = await tx.select().from(staffStoreScopes).where(inArray(staffStoreScopes.subject, everyone)).for('update');
    const newest = <T extends { subject: string; assignedBy: string; assignedAt: Date }>(rows: T[]) =>
      rows
        .filter((r) => who.sandbox || r.assignedBy !== SANDBOX_SEED_MARK)
        .sort((a, b) => b.assignedAt.getTime() - a.assignedAt.getTime() || Number(a.subject !== who.subject) - Number(b.subject !== who.subject))[0];
    const role = newest(roles);
    const stores = newest(scopes);
    if (role && role.subject !== who.subject) {
      const { role: value, assignedBy, assignedAt } = role;
      await tx
        .insert(roleAssignments)
        .values({ subject: who.subject, role: value, assignedBy, assignedAt })
        .onConflictDoUpdate({ target: roleAssignments.subject, set: { role: value, assignedBy, assignedAt } });
    }
    if (stores && stores.subject !== who.subject) {
      const { allStores, locationIds, assignedBy, assignedAt } = stores;
      await tx
        .insert(staffStoreScopes)
        .values({ subject: who.subject, allStores, locationIds, assignedBy, assignedAt })
        .onConflictDoUpdate({ target: staffStoreScopes.subject, set: { allStores, locationIds, assignedBy, assignedAt } });
    }
    await tx.delete(roleAssignments).where(inArray(roleAssignments.subject, aliases));
    await tx.delete(staffStoreScopes).where(inArray(staffStoreScopes.subject, aliases));
    return {
      roleFrom: role && role.subject !== who.subject ? role.subject : null,
      storesFrom: stores && stores.subject !== who.subject ? stores.subject : null,
      aliases,
    };
  });
}

/** The language a member of staff chose (issue 16), or null (then the tablet's or the browser's counts). */
export async function getSavedLocale(db: Db, subject: string): Promise<Locale | null> {
  const [row] = await db.select({ locale: staffMembers.locale }).from(staffMembers).where(eq(staffMembers.subject, subject)).limit(1);
  return isLocale(row?.locale) ? row.locale : null;
}

/** Saves a member of staff's language (the header's switcher through saveLanguage, the sign-in page's at sign-in). False: no such person. */
export async function setSavedLocale(db: Db, subject: string, locale: Locale): Promise<boolean> {
  const updated = await db.update(staffMembers).set({ locale }).where(eq(staffMembers.subject, subject)).returning({ subject: staffMembers.subject });
  return updated.length > 0;
}
