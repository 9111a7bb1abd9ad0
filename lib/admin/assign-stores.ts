/**
 * Store scopes kept by the console (issue 12): an admin's choice for a member of staff wins over what
 * Footprints knows of them. `null` removes the choice (Footprints decides again). A change that alters what
 * the person may see ends their open sessions at once; admins are all stores whatever is kept, so theirs stay.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { AuditActor } from '@/lib/auth/action';
import { endSessionsOf } from '@/lib/auth/session-store';
import { getAssignedRole, getStoreOverride } from '@/lib/auth/staff-directory';
import { describeScope, scopeToRow, storesOf, type StoreScope } from '@/lib/auth/stores';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { staffStoreScopes } from '@/lib/db/schema';
import { ValidationError } from '@/lib/errors';
import { effectiveRoles, staffMemberFor } from './assign-role';
import { refusal, serverTranslator } from '@/lib/i18n/server-words';

export const NO_STORE_CHOSEN_MESSAGE = serverTranslator('en')('admin.errors.noStoreChosen');

const sameScope = (a: StoreScope | null, b: StoreScope | null) => JSON.stringify(a && describeScope(a)) === JSON.stringify(b && describeScope(b));

export async function assignStores(
  db: Db,
  actor: AuditActor,
  subject: string,
  stores: StoreScope | null,
  opts: { adminUsernames: readonly string[]; sandbox: boolean; newPerson?: boolean },
): Promise<{ sessionsEnded: number }> {
  const member = await staffMemberFor(db, subject, opts.newPerson ?? false);
  const chosen = stores && !stores.all ? storesOf(stores.locationIds) : stores;
  if (chosen && !chosen.all && chosen.locationIds.length === 0) throw refusal((m) => new ValidationError(m), (t) => t('admin.errors.noStoreChosen'));
  const before = await getStoreOverride(db, subject, { sandbox: opts.sandbox });
  if (chosen === null) {
    await db.delete(staffStoreScopes).where(eq(staffStoreScopes.subject, subject));
  } else {
    const now = new Date();
    const row = scopeToRow(chosen);
    await db
      .insert(staffStoreScopes)
      .values({ subject, ...row, assignedBy: actor.id, assignedAt: now })
      .onConflictDoUpdate({ target: staffStoreScopes.subject, set: { ...row, assignedBy: actor.id, assignedAt: now } });
  }
  const roles = effectiveRoles(member, await getAssignedRole(db, subject, { sandbox: opts.sandbox }), opts.adminUsernames);
  const sessionsEnded = sameScope(before, chosen) || roles.includes('admin') ? 0 : await endSessionsOf(db, subject, 'access_changed');
  await recordAudit(db, {
    actor,
    action: 'admin.assignStores',
    target: { type: 'staff', id: subject },
    outcome: 'success',
    detail: { from: before ? describeScope(before) : 'footprints', to: chosen ? describeScope(chosen) : 'footprints', sessionsEnded },
  });
  return { sessionsEnded };
}
