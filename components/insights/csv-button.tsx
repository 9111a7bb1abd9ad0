'use client';

import { exportInsightsCsvAction } from '@/app/(console)/insights/actions';
import { DownloadButton } from '@/components/ui/download-button';
import type { InsightsFilters } from '@/lib/insights/filter-params';
import type { CardId } from '@/lib/insights/tables';

/** Downloads one card's numbers as CSV (through the insights.view-checked action). */
export function CsvButton({ card, filters, label }: { card: CardId; filters: InsightsFilters; label: string }) {
  return (
    <DownloadButton
      pendingLabel="Preparing CSV…"
      aria-label={`Download as CSV: ${label}`}
      fetchFile={async () => {
        const result = await exportInsightsCsvAction({ card, filters });
        return result.ok ? { ok: true, text: result.data.csv, filename: result.data.fileName } : { ok: false, message: result.error.message };
      }}
    >
      CSV
    </DownloadButton>
  );
}
