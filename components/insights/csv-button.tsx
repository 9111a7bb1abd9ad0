'use client';

import { exportInsightsCsvAction } from '@/app/(console)/insights/actions';
import { DownloadButton } from '@/components/ui/download-button';
import type { InsightsFilters } from '@/lib/insights/filter-params';
import type { CardId, CsvVariant } from '@/lib/insights/tables';

/**
 * Downloads one card's numbers as CSV (through the insights.view-checked action): `localized` in the person's
 * language, `machine` with English keys. Its words come from the server component that renders it.
 */
export function CsvButton({ card, filters, variant, text, label, pendingLabel }: { card: CardId; filters: InsightsFilters; variant: CsvVariant; text: string; label: string; pendingLabel: string }) {
  return (
    <DownloadButton
      pendingLabel={pendingLabel}
      aria-label={label}
      fetchFile={async () => {
        const result = await exportInsightsCsvAction({ card, filters, variant });
        return result.ok ? { ok: true, text: result.data.csv, filename: result.data.fileName } : { ok: false, message: result.error.message };
      }}
    >
      {text}
    </DownloadButton>
  );
}
