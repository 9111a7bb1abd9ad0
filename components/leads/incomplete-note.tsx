import { Badge } from '@/components/ui/badge';
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
    <Badge tone="warning" size="xs" testId="incomplete" className="mt-1 whitespace-normal">
      Incomplete in Footprints — add {missingWords(missing)}
    </Badge>
  );
}
