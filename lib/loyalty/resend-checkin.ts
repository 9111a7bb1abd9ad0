import 'server-only';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { retryRedemptionCheckin, type CheckinView } from './checkin';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';
import { campaignInScope } from './scoped-codes';
import { notFoundRefusal } from './views';

/**
 * Sends a redemption's loyalty check-in again when the engine did not answer the first time (never twice).
 * A code with no check-in here and a code of another store's campaign both answer "not found", as a redeem or
 * a block of such a code does (no hint which); the attempt is audited either way, and the campaign outside the
 * scope once more as such (campaignInScope).
 */
export async function resendCheckin(db: Db, deps: LoyaltyDeps, caller: LoyaltyCaller, input: { campaignInternalId: string; code: string }): Promise<CheckinView> {
  const { campaignInternalId, code } = input;
  const allowed = await campaignInScope(db, deps, caller, campaignInternalId, 'loyalty.resendCheckin');
  const view = allowed ? await retryRedemptionCheckin(db, campaignInternalId, code) : null;
  await recordAudit(db, {
    actor: caller.actor,
    action: 'loyalty.resendCheckin',
    target: { type: 'loyalty_code', id: code },
    outcome: view ? 'success' : 'refused',
    detail: { campaignInternalId, result: view ? view.state : allowed ? 'no check-in queued for this code' : 'outside_store_scope' },
  });
  if (!view) throw notFoundRefusal();
  return view;
}
