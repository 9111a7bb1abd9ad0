/**
 * A member of staff chooses the console's language (issue 16): saved on their staff record, so it follows
 * them to any tablet (the tablet's own cookie is set by the switcher in the browser). Audited.
 */
import 'server-only';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';
import type { AuditActor } from './action';
import { setSavedLocale } from './staff-directory';

export async function saveLanguage(db: Db, actor: AuditActor, locale: Locale): Promise<{ locale: Locale }> {
  const saved = await setSavedLocale(db, actor.id, locale);
  await recordAudit(db, {
    actor,
    action: 'account.saveLanguage',
    target: { type: 'staff', id: actor.id },
    outcome: saved ? 'success' : 'failure',
    detail: { locale },
  });
  return { locale };
}
