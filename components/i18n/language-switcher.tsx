'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { saveLanguageAction } from '@/app/(console)/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';

/** The tablet's choice: a plain cookie the request config reads (i18n/request.ts). */
function rememberOnThisTablet(locale: Locale) {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax${secure}`;
}

// A choice made on the sign-in page is also the person's who signs in next in this tab (the sign-in sends it).
const SIGN_IN_CHOICE = 'storedesk.signInLocale';

/** The language chosen on this sign-in page, if any (sent with the credentials). */
export function signInLocaleChoice(): Locale | undefined {
  try {
    const value = window.sessionStorage.getItem(SIGN_IN_CHOICE);
    return LOCALES.find((l) => l === value);
  } catch {
    return undefined;
  }
}

/** After a successful sign-in: the choice is the person's now. */
export function forgetSignInLocaleChoice(): void {
  try {
    window.sessionStorage.removeItem(SIGN_IN_CHOICE);
  } catch {
    /* storage refused: nothing kept */
  }
}

/**
 * Română / English, in the header and on the sign-in page (issue 16). The choice is kept for the tablet
 * (cookie) and saved for the person (it follows them to any tablet): at once in the header, with the sign-in
 * on the sign-in page ('at-sign-in'). The page is then rendered again in the new language; what was typed stays.
 */
export function LanguageSwitcher({ saveForPerson }: { saveForPerson: boolean | 'at-sign-in' }) {
  const t = useTranslations('language');
  const current = useLocale();
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    if (locale === current) return;
    rememberOnThisTablet(locale);
    if (saveForPerson === 'at-sign-in') {
      try {
        window.sessionStorage.setItem(SIGN_IN_CHOICE, locale);
      } catch {
        /* storage refused: the tablet's cookie still holds the choice */
      }
    }
    startTransition(async () => {
      if (saveForPerson === true) {
        const result = await saveLanguageAction({ locale }).catch(() => null);
        if (!result?.ok) toast('error', t('notSaved'));
      }
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={t('label')} className="flex gap-1" data-testid="language-switcher" aria-busy={pending || undefined}>
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          type="button"
          variant={locale === current ? 'primary' : 'ghost'}
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => choose(locale)}
          className="min-h-11 px-3 text-sm"
        >
          {LOCALE_NAMES[locale]}
        </Button>
      ))}
    </div>
  );
}
