'use client';
/** Re-renders the server page every `seconds` (router.refresh keeps scroll and focus), and says when it last did. */
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function AutoRefresh({ seconds, updatedLabel, generatedAt }: { seconds: number; updatedLabel: string; generatedAt: string }) {
  const router = useRouter();
  const t = useTranslations('admin.system');
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return (
    <p className="text-sm text-slate-700" data-testid="system-updated" data-generated={generatedAt}>
      {t('refreshes', { seconds, time: updatedLabel })}
    </p>
  );
}
