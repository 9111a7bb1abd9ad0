import { useTranslations } from 'next-intl';

export function SandboxBanner() {
  const t = useTranslations('shell');
  return (
    <div role="note" data-testid="sandbox-banner" className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-amber-950">
      {t('sandboxBanner')}
    </div>
  );
}
