'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { resendCheckinAction } from '@/app/(console)/loyalty/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import type { CheckinView } from '@/lib/loyalty/checkin';
import type { ChangeResult } from '@/lib/loyalty/change-code';

/** After a redemption: Footprints' confirmation, the Netcore activity, and the loyalty points (sent again on demand). */
export function RedemptionFollowUps({ change, onCheckin }: { change: ChangeResult; onCheckin: (checkin: CheckinView) => void }) {
  const toast = useToast();
  const t = useTranslations('loyalty');
  const [pending, setPending] = useState(false);
  const checkin = change.checkin;
  // The check-in's outcome in the staff's language (lib/loyalty/checkin.ts keeps the English sentence for logs and tests).
  const checkinText = checkin ? t(`checkin.${checkin.key}`, { points: checkin.points?.total ?? 0 }) : t('checkin.none');
  async function resend() {
    setPending(true);
    const result = await resendCheckinAction({ campaignInternalId: change.code.campaignInternalId, code: change.code.code });
    setPending(false);
    if (result.ok) onCheckin(result.data);
    else toast('error', result.error.message);
  }
  return (
    <section id="redemption-result" tabIndex={-1} aria-labelledby="points-title" data-testid="redemption-result" className="rounded-xl border border-green-300 bg-green-50 p-5">
      <h2 id="points-title" className="text-xl font-bold text-green-950">
        {t('redeemedTitle')}
      </h2>
      <p className="mt-1 text-base text-green-950">
        {change.netcoreQueued ? t('netcoreQueued') : t('netcoreNotQueued')}
      </p>
      <h3 className="mt-4 text-lg font-semibold">{t('pointsTitle')}</h3>
      {checkin?.points ? (
        <dl className="mt-2 grid max-w-md grid-cols-4 gap-2 text-center" data-testid="points">
          {(['base', 'bonus', 'targeted', 'total'] as const).map((k) => (
            <div key={k} className={`rounded-lg bg-white p-2 ${k === 'total' ? 'ring-2 ring-green-700' : ''}`}>
              <dt className="text-sm text-slate-700">{t(`points.${k}`)}</dt>
              <dd className="text-2xl font-bold" data-testid={`points-${k}`}>
                {checkin.points![k]}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="mt-2 text-base" data-testid="checkin-message">
        {checkinText}
      </p>
      {checkin && checkin.state === 'pending' ? (
        <Button type="button" variant="secondary" className="mt-3" pending={pending} pendingLabel={t('sending')} onClick={() => void resend()}>
          {t('sendAgain')}
        </Button>
      ) : null}
    </section>
  );
}
