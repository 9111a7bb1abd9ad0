/**
 * The language of the request being rendered (issue 16), in the order of lib/i18n/locales.ts: the signed-in
 * person's saved choice, the tablet's cookie, Accept-Language, DEFAULT_LOCALE. Memoised per request.
 */
import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { getStaffSession } from '@/lib/auth/session';
import { getSavedLocale } from '@/lib/auth/staff-directory';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { LOCALE_COOKIE, resolveLocale, type Locale } from './locales';

async function savedChoice(): Promise<string | null> {
  try {
    const session = await getStaffSession();
    return session ? await getSavedLocale(await getDb(), session.subject) : null;
  } catch {
    // A page that cannot read the session (the database is down) still renders its error in a language.
    return null;
  }
}

export const requestLocale = cache(async (): Promise<Locale> => {
  const [saved, jar, h] = await Promise.all([savedChoice(), cookies(), headers()]);
  return resolveLocale({
    saved,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: h.get('accept-language'),
    fallback: getConfig().defaultLocale,
  });
});
