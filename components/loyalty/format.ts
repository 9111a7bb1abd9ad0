import type { CodeState } from '@/lib/loyalty/rules';



/** A new id per confirmation dialog: a retry of the same confirmation carries the same id. */
export function newRequestId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Green only for a code that can really be redeemed (see codeStateOf). */
export const STATUS_STYLES: Record<CodeState, string> = {
  associated: 'bg-green-100 text-green-900 border-green-300',
  redeemed: 'bg-slate-100 text-slate-900 border-slate-300',
  blocked: 'bg-red-100 text-red-900 border-red-300',
  expired: 'bg-amber-100 text-amber-950 border-amber-400',
  campaign_ended: 'bg-amber-100 text-amber-950 border-amber-400',
};
