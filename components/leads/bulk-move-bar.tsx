'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { LEAD_STATUSES, type LeadStatus } from '@/lib/leads/status-labels';
import { useBulkReportText, type BulkReport } from './use-lead-moves';

/** Move the selected rows at once; the report says what moved, what was there already, and what was refused. */
export function BulkMoveBar({ count, onMove, report }: { count: number; onMove: (to: LeadStatus) => void; report: BulkReport | null }) {
  const t = useTranslations('leads');
  const reportText = useBulkReportText();
  const [to, setTo] = useState<LeadStatus | ''>('');
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2" role="group" aria-label={t('bulk.group')}>
        <Select
          id="bulk-status"
          label={t('bulk.moveSelected', { count })}
          placeholder={t('bulk.chooseStatus')}
          value={to}
          onChange={(e) => setTo(e.target.value as LeadStatus | '')}
          options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
        <Button onClick={() => to && onMove(to)} disabled={!to || count === 0}>
          {t('bulk.button')}
        </Button>
      </div>
      {report ? (
        <div data-testid="bulk-report" className="text-sm text-slate-800">
          <p>{reportText(report)}</p>
          {report.to === 'customer' && report.refused.length ? (
            // A customer needs its own contract and PDF: each refused lead's page has the move with its dialog.
            <p>
              {t('bulk.openEach')}{' '}
              {report.refused.map((r, i) => (
                <span key={r.id}>
                  {i > 0 ? ', ' : ''}
                  <Link href={`/leads/${r.id}?move=customer`} className="font-medium text-blue-800 underline">
                    {r.name}
                  </Link>
                </span>
              ))}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
