'use client';

import { useLocale } from 'next-intl';
import { isLocale, type Locale } from '@/lib/i18n/locales';

/** The page's language as the console's Locale, for the formatters of lib/dates.ts and lib/i18n/format.ts. */
export function useConsoleLocale(): Locale {
  const locale = useLocale();
  return isLocale(locale) ? locale : 'en';
}
