import type { BadgeTone } from '@/components/ui/badge';
import type { TableColumn } from '@/components/ui/table';
import type { CodeState } from '@/lib/loyalty/rules';

/** A new id per confirmation dialog: a retry of the same confirmation carries the same id. */
export function newRequestId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Green only for a code that can really be redeemed (see codeStateOf). */
export const STATUS_TONES: Record<CodeState, BadgeTone> = {
  associated: 'success',
  redeemed: 'neutral',
  blocked: 'danger',
  expired: 'warning',
  campaign_ended: 'warning',
};

/** The columns every list of codes starts with (the codes list, the prize history); labels are loyalty.columns.<key>. */
export function codeColumns(label: (key: 'code' | 'campaign' | 'status' | 'prize') => string): TableColumn[] {
  return (['code', 'campaign', 'status', 'prize'] as const).map((key) => ({ key, label: label(key) }));
}
