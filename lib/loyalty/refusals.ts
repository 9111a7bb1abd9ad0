/**
 * The loyalty desk's notices in the language of the person who asked (issue 16). Its refusals are thrown with
 * `refusal` (lib/i18n/server-words.ts): English message, the asker's words at the action door.
 */
import 'server-only';
import { formatInstant } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';
import { serverTranslator } from '@/lib/i18n/server-words';
import { whyNotChangeable, type NoticeWords } from './rules';


/** The notices' words (`loyalty.notices.*`) in a language. */
export function noticeWords(locale: Locale): NoticeWords {
  const t = serverTranslator(locale);
  return (kind, values) => t(`loyalty.notices.${kind}`, values);
}

/** Why a code cannot be changed, with its dates, in a language (see whyNotChangeable). */
export function noticeIn(
  locale: Locale,
  code: { status: Parameters<typeof whyNotChangeable>[1]; expired: boolean; lastUpdate: string | null; campaignEndedAt: string | null },
  timeZone: string,
): string | null {
  return whyNotChangeable(
    noticeWords(locale),
    code.status,
    code.expired,
    code.lastUpdate ? formatInstant(code.lastUpdate, timeZone, 'dayTime', '—', locale) : null,
    code.campaignEndedAt ? formatInstant(code.campaignEndedAt, timeZone, 'day', '—', locale) : null,
  );
}
