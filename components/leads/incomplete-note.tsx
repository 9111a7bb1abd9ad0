import type { MissingPart } from '@/lib/leads/read-model';

const WORDS: Record<MissingPart, string> = { location: 'store', category: 'offer category', offer: 'offer', consultant: 'consultant' };

/** "add offer / consultant": what a captured lead lacks for Footprints to list it. */
export function missingWords(missing: readonly MissingPart[]): string {
  return missing.map((m) => WORDS[m]).join(' / ');
}

/** Said on a card, a row and the lead's page: Footprints lists a lead only once it has all four. */
export function IncompleteNote({ missing }: { missing: readonly MissingPart[] }) {
  if (missing.length === 0) return null;
  return (
    <p data-testid="incomplete" className="mt-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
      Incomplete in Footprints — add {missingWords(missing)}
    </p>
  );
}
