import 'server-only';
import type { Db } from '@/lib/db';
import { checkinViewOf, retryRedemptionCheckin, type CheckinView } from './checkin';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';
import { campaignInScope } from './scoped-codes';

/**
 * Sends a redemption's loyalty check-in again when the engine did not answer the first time (never twice).
 * Another store's campaign answers like a code with no check-in (audited).
 */
export async function resendCheckin(db: Db, deps: LoyaltyDeps, caller: LoyaltyCaller, input: { campaignInternalId: string; code: string }): Promise<CheckinView> {
  if (!(await campaignInScope(db, deps, caller, input.campaignInternalId, 'loyalty.resendCheckin'))) return checkinViewOf(null);
  return retryRedemptionCheckin(db, input.campaignInternalId, input.code);
}
