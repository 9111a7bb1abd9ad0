/**
 * The loyalty desk's refusals in the language of the person who asked (issue 16): the use cases do not know
 * the request's language, so each refusal carries its words in every language (lib/errors.ts `withWords`),
 * and the action door shows the person's. The thrown message is the English one (logs, tests).
 */
import 'server-only';
import { formatInstant } from '@/lib/dates';
import { withWords } from '@/lib/errors';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { serverTranslator } from '@/lib/i18n/server-words';
import { whyNotChangeable, type NoticeWords } from './rules';

type Translate = ReturnType<typeof serverTranslator>;

/** An error made with its words in English, shown in the asker's language by the action door. */
export function refusal<E extends Error>(make: (message: string) => E, words: (t: Translate, locale: Locale) => string): E {
  return withWords(make(words(serverTranslator('en'), 'en')), (locale) => {
    const language = isLocale(locale) ? locale : 'en';
    return words(serverTranslator(language), language);
  });
}

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
