/**
 * The console's languages and how one is chosen for a request (issue 16). Pure: the request config
 * (i18n/request.ts), the switcher in the browser and the tests share it.
 *
 * Order: the person's saved choice (staff_members.locale) → the tablet's cookie → the browser's
 * Accept-Language → DEFAULT_LOCALE. A third language is a new messages/<code>.json and its code here.
 */
export const LOCALES = ['ro', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The tablet's choice: readable by the page's script (the switcher sets it before the person is known). */
export const LOCALE_COOKIE = 'storedesk_locale';
/** A year: a shared tablet keeps its language across shifts. */
export const LOCALE_COOKIE_MAX_AGE = 400 * 24 * 3600;

/** The names the switcher shows, each in its own language (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = { ro: 'Română', en: 'English' };

/** The BCP 47 tag Intl formats with: Romanian as written in Romania, English as in the UK (day month year, 24 h). */
export const INTL_TAGS: Record<Locale, string> = { ro: 'ro-RO', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first language of an Accept-Language header the console speaks, by q-value then order ("ro-RO,ro;q=0.9,en;q=0.8"
 * → ro; "de-DE,en;q=0.5" → en); null when none.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((r) => r.base).find(isLocale) ?? null;
}

export interface LocaleSources {
  /** The signed-in person's saved choice, if any. */
  saved?: string | null;
  /** The tablet's cookie. */
  cookie?: string | null;
  acceptLanguage?: string | null;
  fallback: Locale;
}

/** The language of one request (unknown values at any step are skipped). */
export function resolveLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.saved)) return sources.saved;
  if (isLocale(sources.cookie)) return sources.cookie;
  return localeFromAcceptLanguage(sources.acceptLanguage) ?? sources.fallback;
}
