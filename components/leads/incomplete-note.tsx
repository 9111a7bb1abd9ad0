import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { MissingPart } from '@/lib/leads/read-model';

/** "store / offer": what a captured lead lacks for Footprints to list it, in the page's language. */
export function useMissingWords(): (missing: readonly MissingPart[]) => string {
  const t = useTranslations('leads.missing');
  return (missing) => missing.map((m) => t(m)).join(' / ');
}

/** Said on a card, a row and the lead's page: Footprints lists a lead only once it has all four. */
export function IncompleteNote({ missing }: { missing: readonly MissingPart[] }) {
  const t = useTranslations('leads');
  const words = useMissingWords();
  if (missing.length === 0) return null;
  return (
    <Badge tone="warning" size="xs" testId="incomplete" className="mt-1 whitespace-normal">
      {t('incomplete', { parts: words(missing) })}
    </Badge>
  );
}
