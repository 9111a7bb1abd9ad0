import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ElementType } from 'react';

// The words are messages status.<kind>.* (messages/<locale>.json).
const CARDS = {
  notFound: { kickerClass: 'text-slate-600' },
  forbidden: { kickerClass: 'text-red-700' },
} as const;

/**
 * The 404 / 403 card. `as="main"` at the top level (app/not-found.tsx, app/forbidden.tsx: nothing else on
 * the page is a main landmark); inside the console its layout already has the one `main`, so the console's
 * own not-found / forbidden files render it as a plain section.
 */
export function StatusCard({ kind, as: Tag = 'section' }: { kind: keyof typeof CARDS; as?: ElementType }) {
  const card = CARDS[kind];
  const t = useTranslations(`status.${kind}`);
  return (
    <Tag className="mx-auto mt-16 max-w-lg rounded-2xl bg-white p-8 text-center shadow-sm" aria-labelledby={`${kind}-title`}>
      <p className={`text-sm font-semibold uppercase tracking-wide ${card.kickerClass}`}>{t('kicker')}</p>
      <h1 id={`${kind}-title`} className="mt-2 text-2xl font-bold">
        {t('title')}
      </h1>
      <p className="mt-4 text-base text-slate-700">{t('text')}</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-blue-700 px-4 font-semibold text-white">
        {t('link')}
      </Link>
    </Tag>
  );
}
