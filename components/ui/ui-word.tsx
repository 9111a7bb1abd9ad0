import { useTranslations } from 'next-intl';

/**
 * A default word of the UI kit (messages `ui.*`: "Working…", "Nothing to show."), rendered only where the
 * default is used, so a kit component given its own words needs no translations at all.
 */
export function UiWord({ word }: { word: 'working' | 'preparing' | 'nothingToShow' }) {
  const t = useTranslations('ui');
  return <>{t(word)}</>;
}
