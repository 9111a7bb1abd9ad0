'use client';

import { useTranslations } from 'next-intl';
import { useConsoleLocale } from '@/components/i18n/use-console-locale';
import { useEffect, useEffectEvent, useState } from 'react';
import { listActiveCampaignsAction, listAllCampaignsAction } from '@/app/(console)/loyalty/actions';
import { useRemoteData } from '@/components/data/use-remote-data';
import { Badge } from '@/components/ui/badge';
import { Checkbox } from '@/components/ui/checkbox';
import { RadioGroup } from '@/components/ui/radio-group';
import { formatInstant } from '@/lib/dates';
import type { CampaignView } from '@/lib/loyalty/views';

/** Per tablet: the browser's storage, not the account (several hostesses share a tablet). */
const LAST_CAMPAIGN_KEY = 'storedesk.loyalty.lastCampaign';

export function readLastCampaign(): string | null {
  try {
    return window.localStorage.getItem(LAST_CAMPAIGN_KEY);
  } catch {
    return null;
  }
}

export function rememberCampaign(internalId: string): void {
  try {
    window.localStorage.setItem(LAST_CAMPAIGN_KEY, internalId);
  } catch {
    /* private mode: nothing to remember */
  }
}

async function activeCampaigns(): Promise<CampaignView[]> {
  const result = await listActiveCampaignsAction({ scope: 'active' });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function allCampaigns(): Promise<CampaignView[]> {
  const result = await listAllCampaignsAction({ scope: 'all' });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

export function useCampaigns(scope: 'active' | 'all') {
  return useRemoteData(`loyalty-campaigns/${scope}`, scope === 'all' ? allCampaigns : activeCampaigns, { staleTime: 60_000 });
}

export function CampaignPicker({
  timeZone,
  canBrowseAll,
  value,
  onChange,
}: {
  timeZone: string;
  canBrowseAll: boolean;
  value: string | null;
  onChange: (campaign: CampaignView | null) => void;
}) {
  const t = useTranslations('loyalty');
  const locale = useConsoleLocale();
  const day = (value: Parameters<typeof formatInstant>[0]) => formatInstant(value, timeZone, 'day', '—', locale);
  const [showAll, setShowAll] = useState(false);
  const query = useCampaigns(showAll ? 'all' : 'active');
  const campaigns = query.data ?? [];

  // Once the list is in: pick the last campaign used on this tablet, else the only one. An effect event:
  // it reads the latest value and onChange without the list's arrival depending on them.
  const pick = useEffectEvent((list: CampaignView[]) => {
    const current = value ? list.find((c) => c.internalId === value) : undefined;
    if (current) {
      onChange(current);
      return;
    }
    const last = readLastCampaign();
    const remembered = last ? list.find((c) => c.internalId === last) : undefined;
    onChange(remembered ?? (list.length === 1 ? list[0] : null));
  });
  useEffect(() => {
    if (query.data) pick(query.data);
  }, [query.data]);

  return (
    <RadioGroup
      label={t('campaign')}
      name="campaign"
      className="rounded-xl border border-slate-200 p-4"
      legendClassName="px-1 text-lg font-semibold"
      layout="cards"
      value={value ?? undefined}
      onChange={(id) => {
        const c = campaigns.find((x) => x.internalId === id);
        if (!c) return;
        rememberCampaign(c.internalId);
        onChange(c);
      }}
      cardClassName={(o, checked) =>
        checked ? 'border-blue-700 bg-blue-50 ring-2 ring-blue-700' : o.data?.['data-phase'] === 'recently_ended' || o.data?.['data-phase'] === 'past' ? 'border-dashed border-slate-400 bg-slate-50' : 'border-slate-300 bg-white'
      }
      before={
        <>
          {canBrowseAll ? <Checkbox label={t('showAll')} name="show-all-campaigns" className="mb-3" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> : null}
          {query.isPending ? <p className="text-base text-slate-700">{t('loadingCampaigns')}</p> : null}
          {query.isError ? (
            <p role="alert" className="text-base font-medium text-red-700">
              {query.error.message}
            </p>
          ) : null}
          {query.isSuccess && campaigns.length === 0 ? <p className="text-base text-slate-700">{t('noCampaign')}</p> : null}
        </>
      }
      options={campaigns.map((c) => {
        const ended = c.phase === 'recently_ended' || c.phase === 'past';
        return {
          value: c.internalId,
          testId: `campaign-${c.internalId}`,
          data: { 'data-phase': c.phase },
          label: (
            <span className="flex flex-col gap-1 text-sm text-slate-800">
              <span className="text-base font-semibold text-slate-900">
                {c.name}
                {ended ? (
                  <Badge tone="warning" className="ml-2">
                    {t('ended')}
                  </Badge>
                ) : null}
              </span>
              {ended ? <span className="font-medium text-amber-950">{t('endedOn', { date: day(c.endDate) })}</span> : null}
              <span>{c.location ?? t('noLocation')}</span>
              <span>{t('runs', { start: day(c.startDate), end: day(c.endDate) })}</span>
              <span className={c.codesExpired ? 'font-semibold text-red-800' : undefined}>
                {c.codesExpired ? t('codesExpired', { date: day(c.expireCodesDate) }) : t('codesExpire', { date: day(c.expireCodesDate) })}
              </span>
              {c.prizeTypes.length ? <span>{t('prizes', { list: c.prizeTypes.join(', ') })}</span> : null}
            </span>
          ),
        };
      })}
    />
  );
}
