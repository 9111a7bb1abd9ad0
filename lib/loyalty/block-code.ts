import 'server-only';
import type { Db } from '@/lib/db';
import { changeCode, type ChangeResult } from './change-code';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';
import type { BlockReason } from './rules';

export interface BlockInput {
  campaignInternalId: string;
  email: string;
  phone: string;
  code: string;
  requestId: string;
  reason: BlockReason;
  note?: string;
}

/** Blocks a customer's code once (see changeCode), with the reason and note in the audit trail. */
export async function blockCode(db: Db, deps: LoyaltyDeps, caller: LoyaltyCaller, input: BlockInput): Promise<ChangeResult> {
  const { view, replayed } = await changeCode(db, deps, caller, { ...input, target: 'blocked' });
  return { code: view, replayed };
}
