import 'server-only';
import type { Db } from '@/lib/db';
import { retryRedemptionCheckin, type CheckinView } from './checkin';

/** Sends a redemption's loyalty check-in again when the engine did not answer the first time (never twice). */
export async function resendCheckin(db: Db, input: { campaignInternalId: string; code: string }): Promise<CheckinView> {
  return retryRedemptionCheckin(db, input.campaignInternalId, input.code);
}
