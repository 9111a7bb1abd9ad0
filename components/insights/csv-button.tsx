'use client';

import { useState } from 'react';
import { exportInsightsCsvAction } from '@/app/(console)/insights/actions';
import { Button } from '@/components/ui/button';
import type { InsightsFilters } from '@/lib/insights/filters';
import type { CardId } from '@/lib/insights/tables';

/** Downloads one card's numbers as CSV (through the insights.view-checked action). */
export function CsvButton({ card, filters, label }: { card: CardId; filters: InsightsFilters; label: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setPending(true);
    setError(null);
    try {
      const result = await exportInsightsCsvAction({ card, filters });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      const url = URL.createObjectURL(new Blob([result.data.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = result.data.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="secondary" onClick={download} pending={pending} pendingLabel="Preparing CSV…" aria-label={`Download as CSV: ${label}`}>
        CSV
      </Button>
      {error ? (
        <p role="status" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
