'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { listActiveCampaignsAction, listAllCampaignsAction } from '@/app/(console)/loyalty/actions';
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

export function useCampaigns(scope: 'active' | 'all') {
  return useQuery({
    queryKey: ['loyalty-campaigns', scope],
    queryFn: async (): Promise<CampaignView[]> => {
      const result = scope === 'all' ? await listAllCampaignsAction({ scope: 'all' }) : await listActiveCampaignsAction({ scope: 'active' });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    staleTime: 60_000,
  });
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
  const [showAll, setShowAll] = useState(false);
  const query = useCampaigns(showAll ? 'all' : 'active');
  const campaigns = query.data ?? [];

  // Once the list is in: pick the last campaign used on this tablet, else the only one.
  useEffect(() => {
    if (!query.data) return;
    const current = value ? query.data.find((c) => c.internalId === value) : undefined;
    if (current) {
      onChange(current);
      return;
    }
    const last = readLastCampaign();
    const remembered = last ? query.data.find((c) => c.internalId === last) : undefined;
    onChange(remembered ?? (query.data.length === 1 ? query.data[0] : null));
  }, [query.data]);

  return (
    <fieldset className="rounded-xl border border-slate-200 p-4">
      <legend className="px-1 text-lg font-semibold">Campaign</legend>
      {canBrowseAll ? (
        <label className="mb-3 flex min-h-11 items-center gap-2 text-base">
          <input type="checkbox" className="size-5" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          Show all campaigns (past ones too)
        </label>
      ) : null}
      {query.isPending ? <p className="text-base text-slate-700">Loading campaigns…</p> : null}
      {query.isError ? (
        <p role="alert" className="text-base font-medium text-red-700">
          {query.error.message}
        </p>
      ) : null}
      {query.isSuccess && campaigns.length === 0 ? <p className="text-base text-slate-700">There is no active loyalty campaign right now.</p> : null}
      <div className="grid gap-3 md:grid-cols-2">
        {campaigns.map((c) => {
          const id = `campaign-${c.internalId}`;
          const checked = value === c.internalId;
          const ended = c.phase === 'recently_ended' || c.phase === 'past';
          return (
            <label
              key={c.internalId}
              htmlFor={id}
              data-testid={`campaign-${c.internalId}`}
              data-phase={c.phase}
              className={`flex min-h-11 cursor-pointer gap-3 rounded-lg border p-3 ${checked ? 'border-blue-700 bg-blue-50 ring-2 ring-blue-700' : ended ? 'border-dashed border-slate-400 bg-slate-50' : 'border-slate-300 bg-white'}`}
            >
              <input
                id={id}
                type="radio"
                name="campaign"
                value={c.internalId}
                checked={checked}
                onChange={() => {
                  rememberCampaign(c.internalId);
                  onChange(c);
                }}
                className="mt-1 size-5"
              />
              <span className="flex flex-col gap-1 text-sm text-slate-800">
                <span className="text-base font-semibold text-slate-900">
                  {c.name}
                  {ended ? (
                    <span className="ml-2 inline-block rounded-full border border-amber-400 bg-amber-100 px-2 text-sm font-semibold text-amber-950">Ended</span>
                  ) : null}
                </span>
                {ended ? <span className="font-medium text-amber-950">Ended {formatInstant(c.endDate, timeZone, 'day')}: check codes only, no redeeming.</span> : null}
                <span>{c.location ?? 'Location not given'}</span>
                <span>
                  Runs {formatInstant(c.startDate, timeZone, 'day')} – {formatInstant(c.endDate, timeZone, 'day')}
                </span>
                <span className={c.codesExpired ? 'font-semibold text-red-800' : undefined}>
                  Codes {c.codesExpired ? 'expired' : 'expire'} {formatInstant(c.expireCodesDate, timeZone, 'day')}
                </span>
                {c.prizeTypes.length ? <span>Prizes: {c.prizeTypes.join(', ')}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
