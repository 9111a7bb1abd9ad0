import { useTranslations } from 'next-intl';
import { useConsoleLocale } from '@/components/i18n/use-console-locale';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatInstant } from '@/lib/dates';
import { whyNotChangeable } from '@/lib/loyalty/rules';
import type { CodeView } from '@/lib/loyalty/views';
import { STATUS_TONES } from './format';

/** The checked code, big enough to read across a counter, with what can be done to it. */
export function CodeCard({ code, timeZone, onRedeem, onBlock }: { code: CodeView; timeZone: string; onRedeem: () => void; onBlock: () => void }) {
  const t = useTranslations('loyalty');
  const locale = useConsoleLocale();
  // Why it cannot be redeemed, in the person's language (the view's `notice` is the server's English).
  const notice = whyNotChangeable(
    (kind, values) => t(`notices.${kind}`, values),
    code.status,
    code.expired,
    code.lastUpdate ? formatInstant(code.lastUpdate, timeZone, 'dayTime', '—', locale) : null,
    code.campaignEndedAt ? formatInstant(code.campaignEndedAt, timeZone, 'day', '—', locale) : null,
  );
  return (
    <section id="code-card" tabIndex={-1} aria-labelledby="code-title" data-testid="code-card" className="rounded-xl border-2 border-slate-300 bg-white p-5">
      <h2 id="code-title" className="text-base font-semibold text-slate-700">
        {t('codeTitle')}
      </h2>
      <p className="mt-1 font-mono text-5xl font-bold tracking-widest text-slate-950" data-testid="code-value">
        {code.code}
      </p>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-xl sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold text-slate-700">{t('columns.prize')}</dt>
        <dd data-testid="code-prize" className="font-semibold text-slate-950">
          {code.prize ?? '—'}
        </dd>
        <dt className="font-semibold text-slate-700">{t('columns.status')}</dt>
        <dd>
          <Badge testId="code-status" size="lg" tone={STATUS_TONES[code.state]}>
            {t(`states.${code.state}`)}
          </Badge>
        </dd>
        <dt className="font-semibold text-slate-700">{t('columns.expires')}</dt>
        <dd className={code.expired ? 'font-semibold text-red-800' : undefined}>
          {formatInstant(code.expiresAt, timeZone, 'day', '—', locale)}
          {code.expired ? t('expiredSuffix') : ''}
        </dd>
        {code.campaignEndedAt ? (
          <>
            <dt className="font-semibold text-slate-700">{t('campaignEnded')}</dt>
            <dd className="font-semibold text-amber-950">{formatInstant(code.campaignEndedAt, timeZone, 'day', '—', locale)}</dd>
          </>
        ) : null}
        <dt className="font-semibold text-slate-700">{t('columns.updated')}</dt>
        <dd>{formatInstant(code.lastUpdate, timeZone, 'dayTime', '—', locale)}</dd>
      </dl>
      {notice ? (
        <p data-testid="code-notice" className="mt-4 rounded-lg bg-amber-50 p-3 text-lg font-medium text-amber-950">
          {notice}
        </p>
      ) : null}
      {code.canRedeem || code.canBlock ? (
        <div className="mt-5 flex flex-wrap gap-3">
          {code.canRedeem ? (
            <Button type="button" className="min-h-14 px-8 text-lg" onClick={onRedeem}>
              {t('redeem')}
            </Button>
          ) : null}
          {code.canBlock ? (
            <Button type="button" variant="secondary" className="min-h-14 px-6 text-lg" onClick={onBlock}>
              {t('block')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
