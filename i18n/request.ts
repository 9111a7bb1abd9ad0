/**
 * next-intl's request configuration (App Router without i18n routing: no locale in the URL). The language of
 * the request, in the order of lib/i18n/locales.ts: the signed-in person's saved choice, the tablet's cookie,
 * Accept-Language, DEFAULT_LOCALE. next-intl calls this once per request. Dates are shown in the store's zone.
 * (Here, not in lib/i18n: it reads the session, and lib/auth uses lib/i18n's pure rules.)
 */
import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { getStaffSession } from '@/lib/auth/session';
import { getSavedLocale } from '@/lib/auth/staff-directory';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';

async function savedChoice(): Promise<string | null> {
  try {
    const session = await getStaffSession();
    return session ? await getSavedLocale(await getDb(), session.subject) : null;
  } catch {
    // A page that cannot read the session (the database is down) still renders its error in a language.
    return null;
  }
}

export default getRequestConfig(async () => {
  const [saved, jar, h] = await Promise.all([savedChoice(), cookies(), headers()]);
  const config = getConfig();
  const locale = resolveLocale({
    saved,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: h.get('accept-language'),
    fallback: config.defaultLocale,
  });
  return { locale, messages: await loadMessages(locale), timeZone: config.storeTimezone };
});
