'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { saveLanguageAction } from '@/app/(console)/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';

/** The tablet's choice: a plain cookie the request config reads (lib/i18n/request-locale.ts). */
function rememberOnThisTablet(locale: Locale) {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax${secure}`;
}

/**
 * Română / English, in the header and on the sign-in page (issue 16). The choice is kept for the tablet
 * (cookie) and, when someone is signed in, saved for the person (it follows them to any tablet). The page
 * is then rendered again in the new language; what was typed stays.
 */
export function LanguageSwitcher({ saveForPerson }: { saveForPerson: boolean }) {
  const t = useTranslations('language');
  const current = useLocale();
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    if (locale === current) return;
    rememberOnThisTablet(locale);
    startTransition(async () => {
      if (saveForPerson) {
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
