'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('status.error');
  return (
    <main className="mx-auto mt-16 max-w-lg rounded-2xl bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold uppercase tracking-wide text-red-700">{t('kicker')}</p>
      <h1 className="mt-2 text-2xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-base text-slate-700">
        {t.rich('text', { ref: error.digest ?? t('none'), mono: (chunks) => <span className="font-mono">{chunks}</span> })}
      </p>
      <button type="button" onClick={reset} className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-blue-700 px-4 font-semibold text-white">
        {t('retry')}
      </button>
    </main>
  );
}
