/**
 * A member of staff chooses the console's language (issue 16): saved on their staff record, so it follows
 * them to any tablet (the tablet's own cookie is set by the switcher in the browser). Audited.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { staffMembers } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import type { AuditActor } from './action';

export async function saveLanguage(db: Db, actor: AuditActor, locale: Locale): Promise<{ locale: Locale }> {
  const updated = await db.update(staffMembers).set({ locale }).where(eq(staffMembers.subject, actor.id)).returning({ subject: staffMembers.subject });
  await recordAudit(db, {
    actor,
    action: 'account.saveLanguage',
    target: { type: 'staff', id: actor.id },
    outcome: updated.length ? 'success' : 'failure',
    detail: { locale },
  });
  return { locale };
}
